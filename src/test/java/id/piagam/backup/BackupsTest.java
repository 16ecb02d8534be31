package id.piagam.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class BackupsTest {

    @TempDir
    Path temp;

    @Test
    void twoBackupsInTheSameSecondGetTwoNamesReadableOnlyByTheService() throws Exception {
        Path folder = temp.resolve("backups");
        LocalDateTime now = LocalDateTime.of(2026, 11, 30, 4, 30, 15);

        Path first = Backups.newFile(folder, now);
        Path second = Backups.newFile(folder, now);

        assertThat(first.getFileName().toString()).isEqualTo("piagam-20261130-043015.db");
        assertThat(second.getFileName().toString()).isEqualTo("piagam-20261130-043015-2.db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void anExistingWideOpenFolderIsClosed() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("open"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Backups.newFile(folder, LocalDateTime.of(2026, 1, 1, 0, 0));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }
}
