package dev.xblmock.userstats.store;

import dev.xblmock.userstats.wire.StatType;
import dev.xblmock.userstats.wire.Stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.common.storage.StorageDirectoryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a stop (or a crash) of the filesystem stats repository, and what a start refuses. */
class FileStatsRepositoryRestartTest {

    private static final Xuid PLAYER = new Xuid(2533274792693551L);

    @TempDir
    Path dir;
    private final List<StorageDirectory> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(StorageDirectory::close);
    }

    private FileStatsRepository start() {
        StorageDirectory directory = StorageDirectory.open(dir);
        try {
            FileStatsRepository repository = new FileStatsRepository(directory);
            opened.add(directory);
            return repository;
        } catch (RuntimeException e) {
            directory.close(); // as the context does when a bean fails
            throw e;
        }
    }

    private void stop() {
        opened.remove(opened.size() - 1).close();
    }

    private static ScidStats stats(String... nameTypeValue) {
        List<Stat> stats = new ArrayList<>();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            stats.add(new Stat(nameTypeValue[i], StatType.fromWireName(nameTypeValue[i + 1]).orElseThrow(),
                    nameTypeValue[i + 2], null));
        }
        return ScidStats.EMPTY.merged(stats, List.of());
    }

    @Test
    void everyUserSurvivesARestartExactly() throws IOException {
        FileStatsRepository first = start();
        UserStats player = first.update(PLAYER, user -> user.withGamertag("Player").withScid("scid-1",
                stats("Kills", "Integer", "12", "Ratio", "Double", "0.75", "Title", "String", "Ace")));
        first.update(new Xuid(7), user -> user.withScid("scid-2", stats("Wins", "Integer", "1")));
        first.update(new Xuid(7), user -> user.withScid("scid-2", stats("Wins", "Integer", "2")));
        first.update(new Xuid(9), user -> user.withGamertag("Gone"));
        first.delete(new Xuid(9));
        stop();

        FileStatsRepository second = start();

        assertThat(second.find(PLAYER)).isEqualTo(player);
        assertThat(second.find(PLAYER).scid("scid-1").all()).extracting(Stat::name).containsExactly("Kills", "Ratio", "Title");
        assertThat(second.find(new Xuid(7)).scid("scid-2").get("Wins").value()).isEqualTo("2");
        assertThat(second.find(new Xuid(9))).isSameAs(UserStats.EMPTY);
        assertThat(fileNames()).containsExactlyInAnyOrder("0009000000230f2f.json", "0000000000000007.json");
    }

    @Test
    void aFileWrittenBeforeStatsHadPropertiesReadsWithNoneAndPropertiesSurviveARestart() throws IOException {
        start();
        stop();
        Files.writeString(dir.resolve("stats").resolve("0009000000230f2f.json"), """
                {"format":1,"xuid":"2533274792693551","gamertag":"Player","scids":[{"scid":"scid-1","stats":[
                  {"name":"Kills","type":"Integer","value":"12","valueMetadata":null}]}]}""");

        FileStatsRepository first = start();
        Stat kills = first.find(PLAYER).scid("scid-1").get("Kills");
        assertThat(kills).isEqualTo(new Stat("Kills", StatType.INTEGER, "12", null));
        assertThat(kills.properties()).isEmpty();
        Stat named = new Stat("Chests", StatType.INTEGER, "3", null, java.util.Map.of("DisplayName", "Gold Hoarder Chests Cashed In"));
        UserStats written = first.update(PLAYER, user -> user.withScid("scid-1", user.scid("scid-1").merged(List.of(named), List.of())));
        stop();

        assertThat(start().find(PLAYER)).isEqualTo(written);
        assertThat(Files.readString(dir.resolve("stats").resolve("0009000000230f2f.json")))
                .contains("\"properties\":{\"DisplayName\":\"Gold Hoarder Chests Cashed In\"}")
                .doesNotContain("\"name\":\"Kills\",\"type\":\"Integer\",\"value\":\"12\",\"valueMetadata\":null,\"properties\"");
    }

    @Test
    void aWriteInterruptedByACrashLeavesThePreviousSnapshot() throws IOException {
        FileStatsRepository first = start();
        UserStats before = first.update(PLAYER, user -> user.withGamertag("Before"));
        stop();
        // what DurableFiles.replaceAtomically leaves when the process dies before its rename
        Files.writeString(dir.resolve("stats").resolve(".0009000000230f2f.json.0b1c.tmp"), "{\"format\":1,\"xu");

        FileStatsRepository second = start();

        assertThat(second.find(PLAYER)).isEqualTo(before);
        assertThat(fileNames()).containsExactly("0009000000230f2f.json");
    }

    @Test
    void resetDeletesEveryFile() throws IOException {
        FileStatsRepository repository = start();
        repository.update(PLAYER, user -> user.withGamertag("A"));
        repository.update(new Xuid(3), user -> user.withGamertag("B"));
        repository.reset();
        assertThat(fileNames()).isEmpty();
        stop();
        assertThat(start().find(PLAYER)).isSameAs(UserStats.EMPTY);
    }

    @Test
    void aDamagedStatsFileStopsTheStartNamingTheFile() throws IOException {
        start().update(PLAYER, user -> user.withGamertag("A"));
        stop();
        Path file = dir.resolve("stats").resolve("0009000000230f2f.json");
        Files.writeString(file, "{\"format\":1,\"xuid\":\"7\",\"gamertag\":null,\"scids\":[]}");

        assertThatThrownBy(this::start).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("holds xuid 7");

        Files.writeString(file, "not json");
        assertThatThrownBy(this::start).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining("not valid JSON");
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("stats"))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
