package org.iin.csec.chassis.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RequestLinesTest {

    /** Stands in for the console: keeps what it is given, and can be held up like a slow destination. */
    private final ConcurrentLinkedQueue<LogRecord> written = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch destinationFree = new CountDownLatch(0);
    private final Handler destination = new Handler() {
        @Override
        public void publish(LogRecord record) {
            try {
                destinationFree.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        RequestLines.LOG.setUseParentHandlers(false);
        RequestLines.LOG.addHandler(destination);
    }

    @AfterEach
    void releaseTheLog() {
        RequestLines.LOG.removeHandler(destination);
        RequestLines.LOG.setUseParentHandlers(true);
    }

    @Test
    void aRequestDoesNotWaitForASlowLogAndItsLineKeepsTheTimeItWasMade() throws Exception {
        RequestLines lines = new RequestLines(10);
        Thread writer = new Thread(lines::writeQueued);
        destinationFree = new CountDownLatch(1);
        writer.start();

        long before = System.currentTimeMillis();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 1; i <= 5; i++) {
                lines.write("request id=r" + i);
            }
        }, "a request thread waited for the log's destination");
        assertThat(written).isEmpty();

        destinationFree.countDown();
        writer.interrupt();
        writer.join();
        assertThat(written).extracting(LogRecord::getMessage)
                .containsExactly("request id=r1", "request id=r2", "request id=r3", "request id=r4", "request id=r5");
        assertThat(written).allSatisfy(record -> {
            assertThat(record.getLoggerName()).isEqualTo(RequestLog.class.getName());
            assertThat(record.getMillis()).isBetween(before, System.currentTimeMillis());
        });
    }

    @Test
    void noLineIsLostWhenManyRequestsOutrunTheLog() throws Exception {
        RequestLines lines = new RequestLines(4);
        Thread writer = new Thread(lines::writeQueued);
        writer.start();

        List<Thread> requests = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            requests.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    lines.write("request id=t" + thread + "-" + i);
                }
            }));
        }
        requests.forEach(Thread::start);
        for (Thread request : requests) {
            request.join();
        }
        writer.interrupt();
        writer.join();

        assertThat(written).extracting(LogRecord::getMessage).doesNotHaveDuplicates().hasSize(8 * 500)
                .contains("request id=t0-0", "request id=t7-499");
    }
}
