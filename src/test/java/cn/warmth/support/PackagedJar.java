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
  private final List<String> args;
  private final Map<String, String> env;
  private Process process;
  private int starts;

  public PackagedJar(Path workDir, List<String> args, Map<String, String> env) {
    this.workDir = workDir;
    this.port = freePort();
    this.args = args;
    this.env = env;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return workDir.resolve("app-" + starts + ".log");
  }

  /** Starts the jar and waits until it answers (at most {@code timeout}). */
  public PackagedJar start(Duration timeout) {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run `mvn package` (Failsafe runs after it)");
    }
    starts++;
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + workDir.toAbsolutePath(), "-jar",
        JAR.toString(), "--server.port=" + port));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log().toFile());
    pb.environment().putAll(env);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped while starting:\n" + tail());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
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
