package cn.tongguan.console.bench;

import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.queue.QueueQuery;
import cn.tongguan.console.queue.QueueTab;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Times each kind of queue query on an existing cache directory (rows and counts separately). */
public final class QueryProbe {
    private static final Logger LOG = LoggerFactory.getLogger(QueryProbe.class);

    private QueryProbe() {
    }

    public static void main(String[] args) {
        CacheDatabase db = CacheDatabase.open(Path.of(args[0]));
        CaseCache cases = new CaseCache(db);
        long now = System.currentTimeMillis();
        for (int round = 0; round < 3; round++) {
            for (QueueTab tab : QueueTab.values()) {
                time(cases, "plain " + tab, QueueQuery.of(tab), now, round == 2);
                time(cases, "district+deadline " + tab, new QueueQuery(tab, null, null, "410702", null, null, null, null,
                        null, null, QueueQuery.Sort.DEADLINE_ASC, 1000), now, round == 2);
                time(cases, "source+dept " + tab, new QueueQuery(tab, "hotline_12319", null, null, null, null, null,
                        "D03", null, null, null, 1000), now, round == 2);
                time(cases, "red " + tab, new QueueQuery(tab, null, null, null, null, null, null, null, "red", null,
                        null, 1000), now, round == 2);
            }
        }
        db.close();
    }

    private static void time(CaseCache cases, String name, QueueQuery q, long now, boolean print) {
        long t = System.nanoTime();
        int rows = cases.queue(q, now).size();
        long r = System.nanoTime() - t;
        t = System.nanoTime();
        cases.counts(q, now);
        long c = System.nanoTime() - t;
        if (print) {
            LOG.info("PROBE {}: rows {} in {} ms, counts {} ms", name, rows, r / 1_000_000, c / 1_000_000);
        }
    }
}
