package dev.xblmock.cluster.state;

import javax.sql.DataSource;

import dev.xblmock.userstats.StatsCatalog;
import dev.xblmock.userstats.StatsCatalogContract;

/** The cluster's catalog against the shared contract: two instances on one database. */
class ClusterStatsCatalogTest extends StatsCatalogContract {

    private DataSource database;

    @Override
    protected StatsCatalog newCatalog() {
        database = SharedStateDatabase.fresh();
        return new ClusterStatsCatalog(database);
    }

    @Override
    protected StatsCatalog sameCatalog() {
        return new ClusterStatsCatalog(database);
    }
}
