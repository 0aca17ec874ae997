package cn.tongguan.platform.cases;

import cn.tongguan.platform.storage.Database;
import java.sql.SQLException;

/** Told, inside the transition's transaction, that a case reached an end state (closed, void). */
@FunctionalInterface
public interface CaseEndListener {
    CaseEndListener NONE = (tx, caseId, state, at) -> {
    };

    void ended(Database.Tx tx, long caseId, String state, long at) throws SQLException;
}
