"""`campsync queue | retry | cancel`: flow actions still to do, and failed ones."""

from __future__ import annotations

from ..language import plural, translate
from .common import Context, emit_json, failed, json_flag, say, shown


def cmd_queue(ctx: Context) -> int:
    rows = ctx.workspace.queue_rows(finished_too=ctx.args.all)
    data = [{"id": row.id, "action": row.action, "campaign_id": row.campaign_id, "email": person.email,
             "state": row.state, "attempts": row.attempts, "error": row.last_error, "outcome": row.outcome,
             "reason": row.reason, "request_id": row.request_id, "origin": row.origin, "actor": row.actor}
            for row, person in rows]
    if ctx.args.json:
        emit_json(data)
        return 0
    if not data:
        say(translate("Cli", "The queue is empty: nothing pending or failed."))
        return 0
    for item in data:
        detail = item["error"] or item["reason"] or ""
        by = "  " + translate("Cli", "(by {actor})").format(actor=shown(item["actor"])) if item["actor"] else ""
        say(f"#{item['id']:<6} {_state_word(item['state']):<9} {_action_word(item['action']):<6} "
            f"{shown(item['email']):<38} {shown(detail)}{by}")
    return 0


def _state_word(state: str) -> str:
    """A queue row's state (as --json gives it) as a person reads it."""
    words = {"pending": translate("Cli", "pending"), "claimed": translate("Cli", "claimed"),
             "sent": translate("Cli", "sent"), "done": translate("Cli", "done"), "failed": translate("Cli", "failed"),
             "cancelled": translate("Cli", "cancelled")}
    return words.get(state, state)


def _action_word(action: str) -> str:
    return {"add": translate("Cli", "add"), "remove": translate("Cli", "remove")}.get(action, action)


async def cmd_retry(ctx: Context) -> int:
    requeued = ctx.workspace.retry()
    report = await ctx.workspace.run_queue()
    if ctx.args.json:
        emit_json({"requeued": requeued, **report.to_dict()})
    else:
        say(translate("Cli", "Re-queued {actions}; done {done}, failed {failed}, blocked {blocked}, skipped "
                             "{skipped}, still pending {pending}.").format(
            actions=failed_actions(requeued), done=report.done, failed=report.failed, blocked=report.blocked,
            skipped=report.skipped, pending=report.left_pending))
    if report.failed or report.left_pending:
        return failed(ctx, "sync_failed", f"{report.failed} action(s) failed, {report.left_pending} still pending "
                                          "(see: campsync queue)")
    return 0


def cmd_cancel(ctx: Context) -> int:
    count = ctx.workspace.cancel(ctx.args.ids or None, request_id=ctx.args.request)
    say(translate("Cli", "Cancelled {actions}.").format(actions=plural(
        count, translate("Cli", "{n} queued action"), translate("Cli", "{n} queued actions"))))
    return 0


def failed_actions(count: int) -> str:
    return plural(count, translate("Cli", "{n} failed action"), translate("Cli", "{n} failed actions"))


def add_commands(sub) -> None:
    q = sub.add_parser("queue", help=translate("Cli", "pending and failed flow actions"))
    q.add_argument("--all", action="store_true", help=translate("Cli", "include finished rows"))
    json_flag(q)
    q.set_defaults(func=cmd_queue)
    r = sub.add_parser("retry", help=translate("Cli", "retry failed actions and finish any left pending"))
    json_flag(r)
    r.set_defaults(func=cmd_retry)
    c = sub.add_parser("cancel", help=translate("Cli", "cancel pending or failed actions"))
    c.add_argument("ids", nargs="*", type=int, help=translate("Cli", "queue row ids (default: all pending and failed)"))
    c.add_argument("--request", help=translate("Cli", "only the rows of this request id"))
    c.set_defaults(func=cmd_cancel)
