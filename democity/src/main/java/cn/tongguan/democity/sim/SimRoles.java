package cn.tongguan.democity.sim;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Reference;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Who does what in the simulated hall: the step table (state → role, action, typical minutes) and the
 * simulated accounts ({@code sim-<role>}, {@code sim-dept-<code>}).
 */
final class SimRoles {
    static final List<String> CASE_ROLES = List.of("inspector", "operator", "shift_leader", "dispatcher");

    /** In {@code state}, {@code role} does the next action after about {@code minutes}. */
    record Step(String state, String role, double minutes) {
        String action(Cases.Case c, SplittableRandom random) {
            return switch (state) {
                case "reported" -> c.source().startsWith("hotline") ? "send_verify" : "accept";
                case "verifying" -> "verify_ok";
                case "accepted" -> "file";
                case "filed" -> "dispatch";
                case "dispatched" -> "start";
                case "handling" -> "feedback";
                case "feedback" -> "send_check";
                case "checking" -> random.nextDouble() < 0.03 ? "check_fail" : "check_ok";
                case "checked" -> "close";
                case "self_handled" -> "approve_self";
                default -> throw new IllegalArgumentException(state);
            };
        }
    }

    static final List<Step> STEPS = List.of(
            new Step("reported", "operator", 5), new Step("verifying", "inspector", 40),
            new Step("accepted", "shift_leader", 8), new Step("filed", "dispatcher", 10),
            new Step("dispatched", "department", 30), new Step("handling", "department", 180),
            new Step("feedback", "operator", 10), new Step("checking", "inspector", 60),
            new Step("checked", "shift_leader", 20), new Step("self_handled", "operator", 15));

    private final PlatformApi admin;
    private Set<String> existing;
    private List<Reference.Department> departments = List.of();

    SimRoles(PlatformApi admin) {
        this.admin = admin;
    }

    PlatformApi admin() {
        return admin;
    }

    /** The simulated account for a role (and department), created on first use. */
    String ensureUser(String role, String department) throws IOException {
        if (existing == null) {
            existing = new java.util.HashSet<>(admin.users().stream().map(Auth.User::username).toList());
        }
        // User names are lower case (Auth.NewUser): department D01 signs in as sim-dept-d01.
        String username = department == null ? "sim-" + role
                : "sim-dept-" + department.toLowerCase(java.util.Locale.ROOT);
        if (!existing.contains(username)) {
            String name = department == null ? "模拟" + role : "模拟处置·" + department;
            admin.createUser(new Auth.NewUser(username, name, role, department, LiveSimulator.PASSWORD));
            existing.add(username);
        }
        return username;
    }

    void departments(List<Reference.Department> all) {
        this.departments = List.copyOf(all);
    }

    /**
     * The department a dispatcher picks: the one the platform suggests, else the one whose class codes
     * match the case's small class most closely in its district, else any that covers the district.
     */
    String route(Cases.Case c) {
        if (c.departmentCode() != null && departments.stream().anyMatch(d -> d.code().equals(c.departmentCode()))) {
            return c.departmentCode();
        }
        Reference.Department best = null;
        int bestLength = -1;
        for (Reference.Department d : departments) {
            boolean inDistrict = d.districtCodes().isEmpty() || d.districtCodes().contains(c.districtCode());
            if (!inDistrict) {
                continue;
            }
            for (String code : d.categoryCodes().isEmpty() ? List.of("") : d.categoryCodes()) {
                if (c.smallCode().startsWith(code) && code.length() > bestLength) {
                    best = d;
                    bestLength = code.length();
                }
            }
        }
        return (best != null ? best : departments.get(0)).code();
    }
}
