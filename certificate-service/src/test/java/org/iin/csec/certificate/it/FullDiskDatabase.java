package org.iin.csec.certificate.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.iin.csec.chassis.testing.Awaiting.await;

/**
 * A database on a disk that can really be filled: a MariaDB server of the test's own (the machine's mariadbd, on a
 * free port, its system files under /tmp), whose certificate database lives on a small tmpfs, with the fake
 * course-service and GreenMail of this run. Its own server, not the shared one, because a full disk can abort
 * MariaDB 10.11 as a whole (an INSERT whose BLOBs get no space is rolled back fatally), which would take every other
 * test's database with it. Mounting needs root, as in CI: without it the test fails, saying so.
 * <p>
 * Everything is undone after the class, even when it failed: the server stopped, the tmpfs unmounted, the folder
 * deleted.
 */
final class FullDiskDatabase implements BeforeAllCallback, AfterAllCallback {

    static final String DATABASE = "csec_cert_full";
    private static final String USER = "csec_cert_full";
    private static final String PASSWORD = HexFormat.of().formatHex(TestEnvironment.randomBytes(16));
    private static final String DISK_SIZE = "24m";
    private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    private static final Path SHARED_TMP = Path.of("/tmp");

    private Path home;
    private Path disk;
    private Path data;
    /** The server's own files (socket, pid, error log): it runs as mysql, so the folder is mysql's. */
    private Path run;
    private boolean mounted;
    private Process server;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // In the machine's shared temporary folder, not under target/: the server runs as mysql, which must reach its
        // files wherever the checkout lives (in a home folder of mode 0700, it could not).
        home = Files.createTempDirectory(SHARED_TMP, "csec-it-full-disk-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        disk = Files.createDirectory(home.resolve("disk"));
        data = home.resolve("data");
        run = Files.createDirectory(home.resolve("server"));
        ownedByMysql(run);
        Run mount = run(Duration.ofSeconds(30), "mount", "-t", "tmpfs", "-o",
                "size=" + DISK_SIZE + ",uid=mysql,gid=mysql,mode=0700", "tmpfs", disk.toString());
        if (mount.exit() != 0) {
            throw new AssertionError("The full-disk test needs a small real disk, and cannot mount a tmpfs at " + disk
                    + " (it needs root, as CI has): " + mount.output());
        }
        mounted = true;
        for (Path tool : List.of(MARIADBD, INSTALL_DB)) {
            if (!Files.isExecutable(tool)) {
                throw new AssertionError("The full-disk test runs a MariaDB server of its own and needs " + tool);
            }
        }
        Run install = run(Duration.ofSeconds(120), INSTALL_DB.toString(), "--no-defaults", "--user=mysql",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db",
                "--innodb-log-file-size=8M");
        if (install.exit() != 0) {
            throw new AssertionError("mariadb-install-db failed: " + install.output());
        }
        port = freePort();
        server = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--user=mysql", "--datadir=" + data,
                "--socket=" + run.resolve("mysqld.sock"), "--pid-file=" + run.resolve("mysqld.pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--log-error=" + run.resolve("error.log"), "--innodb-log-file-size=8M",
                "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci")
                .redirectErrorStream(true).redirectOutput(home.resolve("server.out").toFile()).start();
        awaitServer();
        try (Connection root = asRoot(""); Statement sql = root.createStatement()) {
            sql.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
            sql.execute("GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1'");
        }
        moveDatabaseToTheSmallDisk();

        TestEnvironment.start();
        Properties properties = TestEnvironment.serviceProperties();
        properties.setProperty("certificate.db.datasource-class", "com.mysql.cj.jdbc.MysqlDataSource");
        properties.setProperty("certificate.db.url", "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                + "?useSSL=false&allowPublicKeyRetrieval=true");
        properties.setProperty("certificate.db.user", USER);
        properties.setProperty("certificate.db.password", PASSWORD);
        TestEnvironment.write(properties(), properties);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<String> leftBehind = new ArrayList<>();
        try {
            TestEnvironment.stop();
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                    server.waitFor(30, TimeUnit.SECONDS);
                }
                if (server.isAlive()) {
                    leftBehind.add("mariadbd (pid " + server.pid() + ") still running");
                }
            }
            if (mounted) {
                Run umount = run(Duration.ofSeconds(30), "umount", disk.toString());
                if (umount.exit() != 0) {
                    // Busy (a process still has a file open there): detach now, freed when it closes.
                    umount = run(Duration.ofSeconds(30), "umount", "-l", disk.toString());
                }
                if (umount.exit() != 0) {
                    leftBehind.add("tmpfs still mounted at " + disk + ": " + umount.output());
                } else {
                    mounted = false;
                }
            }
            if (home != null && !mounted) {
                deleteTree(home);
            }
            Files.deleteIfExists(properties());
        }
        if (!leftBehind.isEmpty()) {
            throw new AssertionError("The full-disk test left behind: " + leftBehind);
        }
    }

    /** The system-properties file of the service on this database. */
    static Path properties() {
        return TestEnvironment.target().resolve("it-full-disk.properties");
    }

    /** The database's password, which the service's logs must not hold. */
    static String password() {
        return PASSWORD;
    }

    /** A connection to the certificate database, as root, to check what is stored. */
    Connection connect() throws SQLException {
        return asRoot(DATABASE);
    }

    /** Whether the server still runs (a full disk can abort it). */
    boolean serverIsAlive() {
        return server != null && server.isAlive();
    }

    Path errorLog() {
        return run.resolve("error.log");
    }

    /** Bytes left on the small disk. */
    long free() throws IOException {
        return store().getUsableSpace();
    }

    /**
     * Fills the small disk with a filler file until only {@code leave} bytes are free: real blocks (a tmpfs keeps
     * no holes), written in one go so that nothing else gets the last of the space first.
     */
    void fill(long leave) throws IOException {
        long toWrite = free() - leave;
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            while (toWrite > 0) {
                int n = (int) Math.min(chunk.length, toWrite);
                out.write(chunk, 0, n);
                toWrite -= n;
            }
        }
    }

    /** The administrator frees the disk: the filler file is deleted. */
    void freeTheDisk() throws IOException {
        Files.deleteIfExists(filler());
    }

    private Path filler() {
        return disk.resolve("filler");
    }

    private FileStore store() throws IOException {
        return Files.getFileStore(disk);
    }

    /**
     * The database's folder moves to the small disk and a symbolic link takes its place in the data directory
     * (MariaDB follows it: {@code have_symlink}), before the service creates its tables there.
     */
    private void moveDatabaseToTheSmallDisk() throws IOException, SQLException {
        try (Connection root = asRoot(""); Statement sql = root.createStatement();
             var rs = sql.executeQuery("SELECT @@have_symlink")) {
            rs.next();
            if (!"YES".equals(rs.getString(1))) {
                throw new AssertionError("MariaDB does not follow symbolic links (have_symlink = " + rs.getString(1)
                        + "): the database cannot be put on the small disk");
            }
        }
        Path original = data.resolve(DATABASE);
        Path moved = Files.createDirectory(disk.resolve(DATABASE));
        try (Stream<Path> files = Files.list(original)) {
            for (Path file : files.toList()) {
                Files.copy(file, moved.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                Files.delete(file);
            }
        }
        ownedByMysql(moved);
        Files.setPosixFilePermissions(moved, PosixFilePermissions.fromString("rwx------"));
        Files.delete(original);
        Files.createSymbolicLink(original, moved);
    }

    private static void ownedByMysql(Path folder) throws IOException {
        UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView attributes = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        attributes.setOwner(users.lookupPrincipalByName("mysql"));
        attributes.setGroup(users.lookupPrincipalByGroupName("mysql"));
    }

    private Connection asRoot(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + database + "?useSSL=false",
                "root", "");
    }

    private void awaitServer() {
        await("the test's MariaDB server to answer", Duration.ofSeconds(60), Duration.ofMillis(100))
                // Not answering yet; the last refusal is the time-out's cause.
                .ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> {
                    if (!server.isAlive()) {
                        Path log = Files.exists(errorLog()) ? errorLog() : home.resolve("server.out");
                        throw new AssertionError("The test's MariaDB server stopped at start-up: "
                                + Files.readString(log, StandardCharsets.ISO_8859_1));
                    }
                    try (Connection ignored = asRoot("")) {
                        return true;
                    }
                });
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out: " + output);
            }
            return new Run(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new Run(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, e.toString());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
