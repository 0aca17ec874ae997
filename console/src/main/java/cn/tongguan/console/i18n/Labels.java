package cn.tongguan.console.i18n;

import cn.tongguan.console.queue.QueueTab;

/**
 * Names of the wire codes (states, sources, actions, roles, lights) in the UI's language. Written out key by key
 * so that {@code MessagesKeysTest} sees every key in use.
 */
public final class Labels {
    private final Messages messages;

    public Labels(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    public String state(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "reported" -> messages.text("state.reported");
            case "verifying" -> messages.text("state.verifying");
            case "accepted" -> messages.text("state.accepted");
            case "filed" -> messages.text("state.filed");
            case "dispatched" -> messages.text("state.dispatched");
            case "handling" -> messages.text("state.handling");
            case "feedback" -> messages.text("state.feedback");
            case "checking" -> messages.text("state.checking");
            case "checked" -> messages.text("state.checked");
            case "closed" -> messages.text("state.closed");
            case "cancelled" -> messages.text("state.cancelled");
            case "back_requested" -> messages.text("state.back_requested");
            case "extension_requested" -> messages.text("state.extension_requested");
            case "suspension_requested" -> messages.text("state.suspension_requested");
            case "suspended" -> messages.text("state.suspended");
            case "void_requested" -> messages.text("state.void_requested");
            case "void" -> messages.text("state.void");
            case "self_handled" -> messages.text("state.self_handled");
            default -> code;
        };
    }

    /** Hotline request types: 咨询, 求助, 投诉, 举报, 建议. */
    public String requestType(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "consult" -> messages.text("request.consult");
            case "help" -> messages.text("request.help");
            case "complaint" -> messages.text("request.complaint");
            case "report" -> messages.text("request.report");
            case "suggestion" -> messages.text("request.suggestion");
            default -> code;
        };
    }

    public String source(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "inspector" -> messages.text("source.inspector");
            case "hotline_12319" -> messages.text("source.hotline_12319");
            case "hotline_12345" -> messages.text("source.hotline_12345");
            case "video_ai" -> messages.text("source.video_ai");
            case "iot" -> messages.text("source.iot");
            case "public" -> messages.text("source.public");
            case "superior" -> messages.text("source.superior");
            default -> code;
        };
    }

    public String action(String code) {
        return switch (code) {
            case "report" -> messages.text("action.report");
            case "self_handle" -> messages.text("action.self_handle");
            case "accept" -> messages.text("action.accept");
            case "send_verify" -> messages.text("action.send_verify");
            case "verify_ok" -> messages.text("action.verify_ok");
            case "verify_fail" -> messages.text("action.verify_fail");
            case "reject" -> messages.text("action.reject");
            case "file" -> messages.text("action.file");
            case "dispatch" -> messages.text("action.dispatch");
            case "start" -> messages.text("action.start");
            case "feedback" -> messages.text("action.feedback");
            case "send_check" -> messages.text("action.send_check");
            case "check_ok" -> messages.text("action.check_ok");
            case "check_fail" -> messages.text("action.check_fail");
            case "close" -> messages.text("action.close");
            case "apply_back" -> messages.text("action.apply_back");
            case "approve_back" -> messages.text("action.approve_back");
            case "reject_back" -> messages.text("action.reject_back");
            case "apply_extension" -> messages.text("action.apply_extension");
            case "approve_extension" -> messages.text("action.approve_extension");
            case "reject_extension" -> messages.text("action.reject_extension");
            case "apply_suspend" -> messages.text("action.apply_suspend");
            case "approve_suspend" -> messages.text("action.approve_suspend");
            case "reject_suspend" -> messages.text("action.reject_suspend");
            case "resume" -> messages.text("action.resume");
            case "apply_void" -> messages.text("action.apply_void");
            case "approve_void" -> messages.text("action.approve_void");
            case "reject_void" -> messages.text("action.reject_void");
            case "approve_self" -> messages.text("action.approve_self");
            case "merge" -> messages.text("action.merge");
            case "merged_in" -> messages.text("action.merged_in");
            default -> code;
        };
    }

    public String tab(QueueTab tab) {
        return switch (tab) {
            case PENDING_ACCEPT -> messages.text("tab.pending_accept");
            case PENDING_FILE -> messages.text("tab.pending_file");
            case PENDING_DISPATCH -> messages.text("tab.pending_dispatch");
            case HANDLING -> messages.text("tab.handling");
            case PENDING_CHECK -> messages.text("tab.pending_check");
            case OVERDUE -> messages.text("tab.overdue");
            case ALL -> messages.text("tab.all");
        };
    }

    public String role(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "inspector" -> messages.text("role.inspector");
            case "operator" -> messages.text("role.operator");
            case "shift_leader" -> messages.text("role.shift_leader");
            case "dispatcher" -> messages.text("role.dispatcher");
            case "department" -> messages.text("role.department");
            case "leader" -> messages.text("role.leader");
            case "wall" -> messages.text("role.wall");
            case "admin" -> messages.text("role.admin");
            case "auditor" -> messages.text("role.auditor");
            default -> code;
        };
    }

    public String light(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "green" -> messages.text("light.green");
            case "yellow" -> messages.text("light.yellow");
            case "red" -> messages.text("light.red");
            default -> code;
        };
    }
}
