"""`campsync queue | retry | cancel`: flow actions still to do, and failed ones."""

from __future__ import annotations

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
        say("The queue is empty: nothing pending or failed.")
        return 0
    for item in data:
        detail = item["error"] or item["reason"] or ""
        by = f"  (by {shown(item['actor'])})" if item["actor"] else ""
        say(f"#{item['id']:<6} {item['state']:<9} {item['action']:<6} {shown(item['email']):<38} {shown(detail)}{by}")
    return 0


async def cmd_retry(ctx: Context) -> int:
    requeued = ctx.workspace.retry()
    report = await ctx.workspace.run_queue()
    if ctx.args.json:
        emit_json({"requeued": requeued, **report.to_dict()})
    else:
        say(f"Re-queued {requeued} failed action(s); done {report.done}, failed {report.failed}, "
            f"blocked {report.blocked}, skipped {report.skipped}, still pending {report.left_pending}.")
    if report.failed or report.left_pending:
        return failed(ctx, "sync_failed", f"{report.failed} action(s) failed, {report.left_pending} still pending "
                                          "(see: campsync queue)")
    return 0


def cmd_cancel(ctx: Context) -> int:
    count = ctx.workspace.cancel(ctx.args.ids or None, request_id=ctx.args.request)
    say(f"Cancelled {count} queued action(s).")
    return 0


def add_commands(sub) -> None:
    q = sub.add_parser("queue", help="pending and failed flow actions")
    q.add_argument("--all", action="store_true", help="include finished rows")
    json_flag(q)
    q.set_defaults(func=cmd_queue)
    r = sub.add_parser("retry", help="retry failed actions and finish any left pending")
    json_flag(r)
    r.set_defaults(func=cmd_retry)
    c = sub.add_parser("cancel", help="cancel pending or failed actions")
    c.add_argument("ids", nargs="*", type=int, help="queue row ids (default: all pending and failed)")
    c.add_argument("--request", help="only the rows of this request id")
    c.set_defaults(func=cmd_cancel)
