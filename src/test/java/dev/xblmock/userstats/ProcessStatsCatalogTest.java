package dev.xblmock.userstats;

/** The in-process catalog against the shared contract; one process is its own "other instance". */
class ProcessStatsCatalogTest extends StatsCatalogContract {

    @Override
    protected StatsCatalog newCatalog() {
        return new StatsCatalog();
    }

    @Override
    protected StatsCatalog sameCatalog() {
        return catalog;
    }
}
