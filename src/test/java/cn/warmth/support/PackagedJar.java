package cn.warmth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/warmth.jar}, built by {@code package} before Failsafe
 * runs) started as a separate process, as an operator starts it: its own working folder, the
 * smallest supported heap (-Xmx512m), settings as arguments and environment variables.
 */
public final class PackagedJar implements AutoCloseable {
  public static final Path JAR = Path.of("target", "warmth.jar").toAbsolutePath();
  private final Path workDir;
  private final int port;
  /** Health and metrics (issue 14), a free port of its own so that jars never collide on the default. */
  private final int managementPort;
  private final List<String> args;
  private final Map<String, String> env;
  private Process process;
  /** Runs numbered across instances in one JVM, so that every run keeps its own log. */
  private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();
  private int starts;

  public PackagedJar(Path workDir, List<String> args, Map<String, String> env) {
    this.workDir = workDir;
    this.port = freePort();
    this.managementPort = freePort();
    this.args = args;
    this.env = env;
  }

  public int port() {
    return port;
  }

  public int managementPort() {
    return managementPort;
  }

  public Path log() {
    return workDir.resolve("app-" + starts + ".log");
  }

  /** Starts the jar and waits until it answers (at most {@code timeout}). */
  public PackagedJar start(Duration timeout) {
    launch(List.of(), Map.of());
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped while starting:\n" + tail());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        // Ready, not only listening: the start-up runners (the administrator on a new database)
        // have finished when readiness says so (issue 14).
        if (r.statusCode() == 200 && http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("the application did not answer within " + timeout + ":\n" + tail());
  }

  /**
   * Starts the jar with extra arguments and environment and returns at once (a command such as
   * the key rotation, which serves nothing and exits by itself).
   */
  public PackagedJar launch(List<String> extraArgs, Map<String, String> extraEnv) {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run `mvn package` (Failsafe runs after it)");
    }
    starts = RUNS.incrementAndGet();
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + workDir.toAbsolutePath(), "-jar",
        JAR.toString(), "--server.port=" + port, "--management.server.port=" + managementPort));
    cmd.addAll(args);
    cmd.addAll(extraArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log().toFile());
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Waits until a line of the current log matches {@code regex}; returns the line. */
  public String awaitLog(String regex, Duration timeout) {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        for (String line : Files.readAllLines(log())) {
          if (p.matcher(line).find()) {
            return line;
          }
        }
      } catch (IOException e) {
        // not written yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the process ended before logging /" + regex + "/:\n" + tail());
      }
      sleep(100);
    }
    throw new IllegalStateException("no log line /" + regex + "/ within " + timeout + ":\n" + tail());
  }

  /** Waits for the process to end by itself; returns its exit status. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("still running after " + timeout + ":\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Kills the process without warning: {@link Process#destroyForcibly()} is SIGKILL on Linux
   * (checked here: the exit status is 128 + 9). No shutdown hook runs, nothing is flushed.
   * Returns the exit status.
   */
  public int kill() {
    process.destroyForcibly();
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The last lines of the current log, for failure messages. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (isAlive()) {
      kill();
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
