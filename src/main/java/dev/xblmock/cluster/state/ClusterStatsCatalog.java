package dev.xblmock.cluster.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.userstats.StatGroup;
import dev.xblmock.userstats.StatsCatalog;
import dev.xblmock.userstats.TitleIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The titles and stat groups of the cluster backend, in {@code stats_title} and {@code stats_group}, so that a
 * seed loaded through one instance serves User Statistics on all and a reset on one empties them for all. Each
 * definition is one upsert, each lookup one query by primary key.
 */
public class ClusterStatsCatalog extends StatsCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClusterStatsCatalog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void defineTitle(String titleId, String scid) {
        String id = TitleIds.parse(titleId, "titleId");
        jdbc.sql("INSERT INTO stats_title (title_id, scid) VALUES (?, ?) ON CONFLICT (title_id) DO UPDATE SET scid = EXCLUDED.scid")
                .params(id, Identifiers.scid(scid)).update();
    }

    @Override
    public void defineGroup(StatGroup group) {
        jdbc.sql("""
                        INSERT INTO stats_group (scid, name, definition) VALUES (?, ?, ?)
                        ON CONFLICT (scid, name) DO UPDATE SET definition = EXCLUDED.definition""")
                .params(group.scid(), group.name(), json.writeValueAsString(group)).update();
    }

    @Override
    public Optional<String> scidOf(String titleId) {
        return jdbc.sql("SELECT scid FROM stats_title WHERE title_id = ?").param(titleId).query(String.class).optional();
    }

    @Override
    public Optional<StatGroup> group(String name, String scid) {
        return jdbc.sql("SELECT definition FROM stats_group WHERE scid = ? AND name = ?").params(scid, name)
                .query(String.class).optional().map(this::group);
    }

    /** By title id, as text (the order the in-process catalog's sorted map gives). */
    @Override
    public Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        jdbc.sql("SELECT title_id, scid FROM stats_title ORDER BY title_id COLLATE \"C\"")
                .query(rs -> {
                    titles.put(rs.getString(1), rs.getString(2));
                });
        return titles;
    }

    @Override
    public List<StatGroup> groups() {
        return jdbc.sql("SELECT definition FROM stats_group ORDER BY scid COLLATE \"C\", name COLLATE \"C\"")
                .query(String.class).list().stream().map(this::group).toList();
    }

    @Override
    public int titleCount() {
        return jdbc.sql("SELECT count(*) FROM stats_title").query(Integer.class).single();
    }

    @Override
    public int groupCount() {
        return jdbc.sql("SELECT count(*) FROM stats_group").query(Integer.class).single();
    }

    @Override
    public void reset() {
        jdbc.sql("WITH titles AS (DELETE FROM stats_title) DELETE FROM stats_group").update();
    }

    private StatGroup group(String definition) {
        return json.readValue(definition, StatGroup.class);
    }
}
