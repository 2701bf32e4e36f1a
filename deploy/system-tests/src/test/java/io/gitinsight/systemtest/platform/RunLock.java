package io.gitinsight.systemtest.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * One system-test run at a time on a machine: two runs would share the database, the Redis database and the
 * virtual host (each emptying them under the other, their consumers taking each other's messages), and the
 * broker drill stops RabbitMQ for everyone. The lock is the operating system's, so a run killed outright
 * releases it with its process.
 */
final class RunLock implements AutoCloseable {

    static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "gitinsight-system-tests.lock");

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Duration timeout) throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Instant deadline = Instant.now().plus(timeout);
        boolean told = false;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new RunLock(channel, lock);
            }
            if (Instant.now().isAfter(deadline)) {
                channel.close();
                throw new IllegalStateException("another system-test run holds " + FILE + " for longer than " + timeout);
            }
            if (!told) {
                System.out.println("another system-test run is under way on this machine: waiting for it to end");
                told = true;
            }
            Thread.sleep(1000);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
