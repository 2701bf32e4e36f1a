package io.gitinsight.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Collects the log records a test provokes, with their MDC, from the root logger. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyMdc();
            records.add(ext);
        }
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
