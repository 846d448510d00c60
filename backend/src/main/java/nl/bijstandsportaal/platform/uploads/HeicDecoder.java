package nl.bijstandsportaal.platform.uploads;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns an iPhone photo (HEIC) into a JPEG with libheif's {@code heif-convert} (Debian package libheif-examples):
 * Java cannot decode HEIC itself. The tool is fed what a stranger sent, so it runs boxed in: on a copy in a private
 * temporary folder (only the portal's user can open it, also its working folder and TMPDIR), with an empty environment,
 * a time limit, and, through {@code prlimit} where it is there (util-linux), a limit on memory, CPU seconds, file size
 * and processes (ADR 0034). Everything is removed afterwards. Without the tool the portal still runs and asks the
 * citizen for a JPEG instead (ADR 0014).
 */
@Singleton
public class HeicDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(HeicDecoder.class);

    private final String command;
    private final boolean available;
    private final boolean limited;
    private final long timeLimitSeconds;
    private final long memoryBytes;

    HeicDecoder(@Value("${portal.uploads.heif-convert:heif-convert}") String command,
                @Value("${portal.uploads.heif-convert-seconds:20}") long timeLimitSeconds,
                @Value("${portal.uploads.heif-convert-memory-mb:1024}") long memoryMegabytes) {
        this.command = command;
        this.timeLimitSeconds = timeLimitSeconds;
        this.memoryBytes = memoryMegabytes * 1024 * 1024;
        this.available = onPath(command);
        this.limited = onPath("prlimit");
        if (!available) {
            LOG.warn("'{}' not found: iPhone photos (HEIC) are refused with a message; install libheif-examples to accept them", command);
        } else if (!limited) {
            LOG.warn("'prlimit' (util-linux) not found: heif-convert runs with a time limit only");
        }
    }

    /** The command line: the converter under prlimit (address space, CPU seconds, file size, no new processes). */
    java.util.List<String> commandLine(Path in, Path out) {
        java.util.List<String> line = new java.util.ArrayList<>();
        if (limited) {
            line.addAll(java.util.List.of("prlimit", "--as=" + memoryBytes, "--cpu=" + timeLimitSeconds,
                    "--fsize=" + 64L * 1024 * 1024, "--nofile=64", "--core=0", "--"));
        }
        line.addAll(java.util.List.of(command, "-q", "92", in.toString(), out.toString()));
        return line;
    }

    public boolean available() {
        return available;
    }

    /** The photo as a JPEG (metadata still in it: the caller writes it again); empty when it cannot be converted. */
    public Optional<byte[]> toJpeg(byte[] heic) {
        if (!available) {
            return Optional.empty();
        }
        Path dir = null;
        try {
            dir = privateFolder();
            Path in = Files.write(dir.resolve("in.heic"), heic);
            Path out = dir.resolve("out.jpg");
            ProcessBuilder builder = new ProcessBuilder(commandLine(in, out)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            java.util.Map<String, String> environment = builder.environment();
            String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
            environment.clear();
            environment.put("PATH", path);
            environment.put("TMPDIR", dir.toString());
            environment.put("HOME", dir.toString());
            Process process = builder.start();
            if (!process.waitFor(timeLimitSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                LOG.warn("heif-convert took longer than {} s; the photo was refused", timeLimitSeconds);
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            // A file with more than one top-level image gives out-1.jpg, out-2.jpg ...: the first is the photo.
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> jpeg = files.filter(p -> p.getFileName().toString().startsWith("out"))
                        .min(Comparator.comparing(p -> p.getFileName().toString()));
                return jpeg.isPresent() ? Optional.of(Files.readAllBytes(jpeg.get())) : Optional.empty();
            }
        } catch (IOException e) {
            LOG.warn("heif-convert could not be run: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            removeAll(dir);
        }
    }

    /** A new folder that only this user can read, write or enter. */
    private static Path privateFolder() throws IOException {
        try {
            return Files.createTempDirectory("heic", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory("heic");
        }
    }

    private static void removeAll(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove a temporary folder: {}", e.getMessage());
        }
    }

    private static boolean onPath(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, command)));
    }
}
