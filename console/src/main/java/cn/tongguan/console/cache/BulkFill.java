package cn.tongguan.console.cache;

import cn.tongguan.api.Cases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A running bulk fill into both case tables; commits every few thousand rows so that a crash loses little. */
public final class BulkFill implements AutoCloseable {
    private final Connection connection;
    private final boolean empty;
    private final CaseTables.Writer open;
    private final CaseTables.Writer closed;
    private int batched;
    private long rows;

    /** {@code empty}: insert into a table without rows; otherwise merge, the snapshot's rows winning (see below). */
    BulkFill(Connection connection, boolean empty) throws SQLException {
        this.connection = connection;
        this.empty = empty;
        connection.setAutoCommit(false);
        if (empty) {
            try (Statement s = connection.createStatement()) {
                for (String index : CacheDatabase.CASE_INDEXES) {
                    s.execute("DROP INDEX IF EXISTS " + index.split(" ")[5]);
                }
            }
        }
        // A fill is a snapshot: the platform's rows win over any the seat has no action queued on (CaseTables).
        this.open = new CaseTables.Writer(connection, CaseTables.OPEN, empty, true);
        this.closed = new CaseTables.Writer(connection, CaseTables.CLOSED, empty, true);
    }

    public void add(Cases.Case item) {
        try {
            (CaseTables.OPEN.equals(CaseTables.table(item)) ? open : closed).add(item);
            rows++;
            if (++batched == 2000) {
                open.flush();
                closed.flush();
                batched = 0;
                if (rows % 20_000 == 0) {
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new CacheException("cannot store case " + item.id(), e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try (connection; open; closed) {
            open.flush();
            closed.flush();
            connection.commit();
            try (Statement s = connection.createStatement()) {
                for (String index : CacheDatabase.CASE_INDEXES) {
                    s.execute(index);
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new CacheException("cannot finish the bulk fill (" + (empty ? "empty" : "merge") + ")", e);
        }
    }
}
