package cn.tongguan.platform.cases;

import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;

/**
 * How much of a reporter a caller may see: everything, masked (大屏: "张*", "138****5678"), or nothing
 * (events, which go to every subscriber alike).
 */
public enum Masking {
    NONE, MASKED, HIDDEN;

    public static Masking of(Principal p) {
        return p != null && p.role() == Role.WALL ? MASKED : NONE;
    }

    String name(String n) {
        if (n == null || this == NONE) {
            return this == HIDDEN ? null : n;
        }
        if (this == HIDDEN) {
            return null;
        }
        return n.isEmpty() ? n : n.substring(0, 1) + "*".repeat(Math.max(1, n.length() - 1));
    }

    String phone(String p) {
        if (p == null || this == NONE) {
            return this == HIDDEN ? null : p;
        }
        if (this == HIDDEN) {
            return null;
        }
        return p.length() < 7 ? "*".repeat(p.length()) : p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }
}
