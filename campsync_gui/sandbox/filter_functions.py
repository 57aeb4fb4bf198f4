"""Function calls in $filter: contains/startswith/endswith, and Microsoft.Dynamics.CRM.In/NotIn."""

from __future__ import annotations

from typing import Any

from .errors import ODATA_ERROR, SandboxError, bad_request, unknown_property
from .filter_lexer import TokenCursor
from .filter_nodes import In, Lit, Prop, StringFunc
from .schema import STRING, EntityDef

STRING_FUNCTIONS = {"contains", "startswith", "endswith"}
# Query function -> whether it negates.
IN_FUNCTIONS = {"Microsoft.Dynamics.CRM.In": False, "Microsoft.Dynamics.CRM.NotIn": True}


class FunctionCalls(TokenCursor):
    """The function-call part of the $filter grammar; the parser that inherits it supplies `operand`."""

    entity: EntityDef

    def operand(self) -> Any:
        raise NotImplementedError

    def function(self) -> Any:
        name_tok = self.take()
        name = name_tok.text
        self.expect("LPAREN")
        if name in STRING_FUNCTIONS:
            subject = self.operand()
            self.expect("COMMA")
            needle = self.operand()
            self.expect("RPAREN")
            for arg in (subject, needle):
                if not isinstance(arg, (Prop, Lit)) or arg.edm not in (STRING, None):
                    raise bad_request(
                        f"No function signature for the function with name '{name}' matches the specified "
                        f"arguments. The function signatures considered are: "
                        f"{name}(Edm.String Nullable=true, Edm.String Nullable=true)."
                    )
            return StringFunc(name, subject, needle)
        if name in IN_FUNCTIONS:
            return self.in_function(name)
        if name.startswith("Microsoft.Dynamics.CRM."):
            raise SandboxError(501, ODATA_ERROR, f"The query function '{name}' is not implemented by the sandbox.")
        raise bad_request(
            f"An unknown function with name '{name}' was found. This may also be a function import or a key "
            "lookup on a navigation property, which is not allowed."
        )

    def in_function(self, name: str) -> In:
        params: dict[str, Any] = {}
        while True:
            key = self.expect("IDENT").text
            self.expect("EQUALS")
            if key == "PropertyName":
                params[key] = self.expect("STRING").text[1:-1].replace("''", "'")
            elif key == "PropertyValues":
                # The lexer has read the array as JSON (filter_json): "o'neil" is one value, 'o''neil' a 400.
                params[key] = list(self.expect("ARRAY").values)
            else:
                raise bad_request(f"The function '{name}' has no parameter named '{key}'.")
            if self.peek().kind == "COMMA":
                self.take()
                continue
            self.expect("RPAREN")
            break
        if "PropertyName" not in params or "PropertyValues" not in params:
            raise bad_request(f"The function '{name}' requires the parameters PropertyName and PropertyValues.")
        prop_name = params["PropertyName"]
        if prop_name not in self.entity.fields:
            raise unknown_property(prop_name, self.entity)
        return In(Prop(prop_name, self.entity.fields[prop_name]), tuple(params["PropertyValues"]), IN_FUNCTIONS[name])
