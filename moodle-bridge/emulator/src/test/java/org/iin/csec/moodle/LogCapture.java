package org.iin.csec.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records every log line of the bridge and OkHttp at every level, to prove the token is never logged. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final String[] LOGGERS = {"org.iin.csec.moodle", "okhttp3"};

    private final List<String> lines = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            previous.add(logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null) {
            message = message + " " + List.of(record.getParameters());
        }
        lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (int i = 0; i < LOGGERS.length; i++) {
            Logger logger = Logger.getLogger(LOGGERS[i]);
            logger.removeHandler(this);
            logger.setLevel(previous.get(i));
        }
    }
}
