package cn.tongguan.console.detail;

import cn.tongguan.console.workflow.CaseAction;

/** An action button of the detail pane: the workflow action and its label with the shortcut letter. */
public record ActionItem(CaseAction action, String label, String tooltip) {
}
