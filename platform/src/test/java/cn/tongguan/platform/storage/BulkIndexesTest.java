package cn.tongguan.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.platform.support.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The case indexes set aside for a bulk load come back exactly, and come back after a load killed midway. */
class BulkIndexesTest {
    private static final String INSERT_CASE = "INSERT INTO cases (id, case_no, state, source, kind, big_code, small_code, "
            + "lng, lat, description, urgency, version, reported_at, updated_at, rework_count, back_count, extension_count) "
            + "VALUES (?, 'N1', 'reported', 'inspector', 'event', '01', '0101', 113.9, 35.3, '-', 'normal', 1, 0, 0, 0, 0, 0)";

    @TempDir
    Path dir;

    private static Map<String, String> indexes(Database db) {
        return db.read(tx -> BulkIndexes.definitions(tx.connection(), "cases"));
    }

    private static long pendingNotes(Database db) {
        return db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM settings WHERE name LIKE ?",
                BulkIndexes.PREFIX + "%"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.tongguan.platform.support.TestDatabases#all")
    void setAsideIndexesAreBuiltAgainAsTheyWere(String kind) {
        try (Database db = new Database(TestDatabases.fresh(kind, dir), null, null, 4)) {
            Map<String, String> before = indexes(db);
            // The migrations' indexes of the case list, the unique case number among them; the primary key is not one.
            assertThat(before).containsKeys("cases_case_no", "cases_reported", "cases_updated", "cases_deadline")
                    .doesNotContainKey("primary_key").hasSizeGreaterThanOrEqualTo(10);
            assertThat(before.get("cases_case_no")).startsWith("CREATE UNIQUE INDEX IF NOT EXISTS cases_case_no ON cases (case_no)");
            assertThat(before.get("cases_updated")).endsWith("ON cases (updated_at, id)");

            long cache = db.isPostgres() ? 0 : db.read(tx -> Sql.queryLong(tx.connection(),
                    "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'"));
            BulkIndexes set = BulkIndexes.suspend(db, "cases");
            assertThat(indexes(db)).isEmpty();
            assertThat(pendingNotes(db)).isEqualTo(before.size());

            set.restore();
            assertThat(indexes(db)).isEqualTo(before);
            if (!db.isPostgres()) {
                // The larger page cache of the build is given back.
                long after = db.read(tx -> Sql.queryLong(tx.connection(), "SELECT CAST(SETTING_VALUE AS BIGINT) FROM "
                        + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'"));
                assertThat(after).isEqualTo(cache);
            }
            assertThat(pendingNotes(db)).isZero();
            // The unique index is unique again.
            db.write(tx -> Sql.update(tx.connection(), INSERT_CASE, 1L));
            assertThatThrownBy(() -> db.write(tx -> Sql.update(tx.connection(), INSERT_CASE, 2L))).isInstanceOf(StorageException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.tongguan.platform.support.TestDatabases#all")
    void indexesLeftDroppedByAKilledLoadAreBuiltWhenTheDatabaseOpens(String kind) {
        String url = TestDatabases.fresh(kind, dir);
        Map<String, String> before;
        try (Database db = new Database(url, null, null, 4)) {
            before = indexes(db);
            BulkIndexes.suspend(db, "cases");
            // Killed here: the process ends without restoring (the notes are committed, the drops done).
        }
        try (Database db = new Database(url, null, null, 4)) {
            assertThat(indexes(db)).isEqualTo(before);
            assertThat(pendingNotes(db)).isZero();
        }
    }
}
