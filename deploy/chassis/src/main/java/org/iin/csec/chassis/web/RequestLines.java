package org.iin.csec.chassis.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Writes {@link RequestLog}'s lines from one thread of its own. Java's console handler takes a lock for every line;
 * with dozens of request threads on two cores, a thread paused by the scheduler while it held that lock kept the
 * others waiting (most of the lock waits in a profile of the nominations benchmark, deploy/README.md). A request
 * thread now only queues its line, with the time it was made. None is dropped: when the queue is full (the log's
 * destination is slower than the traffic), the request thread writes its line itself.
 */
@ApplicationScoped
public class RequestLines {

    static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
    private static final int QUEUED_AT_MOST = 10_000;

    private final BlockingQueue<LogRecord> queued;

    @Resource
    ManagedThreadFactory threads;

    private Thread writer;

    public RequestLines() {
        this(QUEUED_AT_MOST);
    }

    RequestLines(int queuedAtMost) {
        this.queued = new ArrayBlockingQueue<>(queuedAtMost);
    }

    @PostConstruct
    void start() {
        writer = threads.newThread(this::writeQueued);
        writer.setName("csec-request-log");
        writer.start();
    }

    void write(String line) {
        LogRecord record = new LogRecord(Level.INFO, line);
        record.setLoggerName(LOG.getName());
        if (!queued.offer(record)) {
            LOG.log(record);
        }
    }

    /** Runs until stopped, then writes what is still queued. */
    void writeQueued() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                LOG.log(queued.take());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        for (LogRecord left; (left = queued.poll()) != null; ) {
            LOG.log(left);
        }
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
