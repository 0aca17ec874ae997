package cn.tongguan.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.Fault;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The panel over the seat: shown when the session ends or the seat locks, same user, words that match. */
class ReauthViewModelTest {
    private final Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
    private final List<String> tried = new CopyOnWriteArrayList<>();
    private ReauthViewModel.Result next = ReauthViewModel.Result.ok();
    private final ReauthViewModel vm = new ReauthViewModel(messages, "受理员", Runnable::run, Runnable::run,
            (reason, password) -> {
                tried.add(reason + ":" + password);
                return next;
            });

    @Test
    void anEndedSessionAsksForThePasswordAndHidesOnceItIsAccepted() {
        vm.sessionEnded();
        assertThat(vm.showingProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("登录已过期");
        assertThat(vm.hintProperty().get()).contains("受理员").contains("保留");

        next = new ReauthViewModel.Result(ReauthViewModel.Outcome.WRONG_PASSWORD, null, 0);
        vm.passwordProperty().set("wrong");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("密码不正确。");
        assertThat(vm.showingProperty().get()).isTrue();

        next = new ReauthViewModel.Result(ReauthViewModel.Outcome.FAULT, Fault.TIMEOUT, 0);
        vm.passwordProperty().set("tongguan");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("平台响应超时");

        next = ReauthViewModel.Result.ok();
        vm.passwordProperty().set("tongguan");
        vm.submit();
        assertThat(vm.showingProperty().get()).isFalse();
        assertThat(tried).containsExactly("SESSION_ENDED:wrong", "SESSION_ENDED:tongguan", "SESSION_ENDED:tongguan");
    }

    @Test
    void anIdleSeatLocksAndALockDoesNotHideAnEndedSession() {
        vm.lock();
        assertThat(vm.titleProperty().get()).isEqualTo("坐席已锁定");
        assertThat(vm.reason()).isEqualTo(ReauthViewModel.Reason.LOCKED);
        vm.passwordProperty().set("tongguan");
        vm.submit();
        assertThat(vm.showingProperty().get()).isFalse();

        vm.sessionEnded();
        vm.lock();
        assertThat(vm.reason()).isEqualTo(ReauthViewModel.Reason.SESSION_ENDED);
    }
}
