package dev.xblmock.titlestorage.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigNodesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    /** A virtual node selecting by {@code selectBy} among {@code selector → data} pairs, in order (JSON text). */
    private static String virtual(String selectBy, String... selectorsAndData) {
        StringBuilder sources = new StringBuilder();
        for (int i = 0; i < selectorsAndData.length; i += 2) {
            sources.append(i == 0 ? "" : ",").append("{'_selector':'").append(selectorsAndData[i])
                    .append("','_data':").append(selectorsAndData[i + 1]).append('}');
        }
        return "{'_virtualNode':{'_selectBy':'" + selectBy + "','_sourceNodes':[" + sources + "]}}";
    }

    private static String resolve(String document, SelectorContext context) {
        Optional<JsonNode> resolved = ConfigNodes.resolve(json(document), context);
        assertThat(resolved).as("document has virtual nodes").isPresent();
        return MAPPER.writeValueAsString(resolved.get());
    }

    private static String expected(String text) {
        return text.replace('\'', '"');
    }

    private static SelectorContext titleId(String titleId) {
        return new SelectorContext(titleId, null, Map.of());
    }

    private static SelectorContext locale(String locale) {
        return new SelectorContext(null, locale, Map.of());
    }

    private static SelectorContext custom(Map<String, String> custom) {
        return new SelectorContext(null, null, custom);
    }

    private static final String CARDS = "{'cards':{'defaultCard':" + virtual("titleId",
            "1234", "{'art':'a.png'}", "default", "{'art':'default.png'}") + ",'count':3}}";

    @Nested
    class NoVirtualNode {

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{'a':1}", "{'a':{'b':[1,{'c':null}]}}", "1", "'text'", "null",
                "{'_virtualNode':1}", "{'_selectBy':'titleId','_sourceNodes':[]}", "{'_sourceNodes':['stored']}"})
        void servesTheStoredBytesUnchanged(String document) {
            assertThat(ConfigNodes.resolve(json(document), titleId("1234"))).isEmpty();
        }
    }

    @Nested
    class Selecting {

        @Test
        void byTitleId() {
            assertThat(resolve(CARDS, titleId("1234"))).isEqualTo(expected(
                    "{'cards':{'defaultCard':{'art':'a.png'},'count':3},'_sourceNodes':['cards.defaultCard:titleId:1234']}"));
        }

        @Test
        void fallsBackToDefaultForAnotherTitle() {
            assertThat(resolve(CARDS, titleId("999"))).isEqualTo(expected(
                    "{'cards':{'defaultCard':{'art':'default.png'},'count':3},'_sourceNodes':['cards.defaultCard:titleId:default']}"));
        }

        @Test
        void fallsBackToDefaultWhenTheCallerHasNoValue() {
            assertThat(resolve(CARDS, SelectorContext.none())).isEqualTo(expected(
                    "{'cards':{'defaultCard':{'art':'default.png'},'count':3},'_sourceNodes':['cards.defaultCard:titleId:default']}"));
        }

        @Test
        void comparesTitleIdsExactly() {
            assertThat(resolve(CARDS, titleId("01234"))).contains("titleId:default");
        }

        @Test
        void byLocaleIgnoringCaseAndReportingTheSelectorAsWritten() {
            String document = "{'greeting':" + virtual("locale", "en-US", "'Hello'", "fr-FR", "'Bonjour'",
                    "default", "'Hi'") + "}";
            assertThat(resolve(document, locale("FR-fr")))
                    .isEqualTo(expected("{'greeting':'Bonjour','_sourceNodes':['greeting:locale:fr-FR']}"));
            assertThat(resolve(document, locale("en-us")))
                    .isEqualTo(expected("{'greeting':'Hello','_sourceNodes':['greeting:locale:en-US']}"));
            assertThat(resolve(document, locale("de-DE")))
                    .isEqualTo(expected("{'greeting':'Hi','_sourceNodes':['greeting:locale:default']}"));
            assertThat(resolve(document, locale("fr"))).contains("greeting:locale:default"); // no prefix matching
        }

        @Test
        void byCustomSelector() {
            String document = "{'shop':" + virtual("custom:platform", "pc", "{'price':10}", "xbox", "{'price':12}")
                    + ",'theme':" + virtual("custom:season", "winter", "'snow'", "default", "'plain'") + "}";
            assertThat(resolve(document, custom(Map.of("platform", "xbox", "season", "winter"))))
                    .isEqualTo(expected("{'shop':{'price':12},'theme':'snow',"
                            + "'_sourceNodes':['shop:custom:platform:xbox','theme:custom:season:winter']}"));
        }

        @Test
        void comparesCustomValuesExactly() {
            String document = "{'shop':" + virtual("custom:platform", "PC", "1", "default", "0") + "}";
            assertThat(resolve(document, custom(Map.of("platform", "pc"))))
                    .isEqualTo(expected("{'shop':0,'_sourceNodes':['shop:custom:platform:default']}"));
        }

        @Test
        void anUnrelatedCustomSelectorDoesNotMatch() {
            String document = "{'shop':" + virtual("custom:platform", "pc", "1", "default", "0") + "}";
            assertThat(resolve(document, custom(Map.of("region", "pc"))))
                    .isEqualTo(expected("{'shop':0,'_sourceNodes':['shop:custom:platform:default']}"));
        }

        @Test
        void takesTheFirstMatchingSourceNodeAndTheFirstDefault() {
            String document = "{'v':" + virtual("titleId", "default", "'d1'", "1", "'first'", "1", "'second'",
                    "default", "'d2'") + "}";
            assertThat(resolve(document, titleId("1")))
                    .isEqualTo(expected("{'v':'first','_sourceNodes':['v:titleId:1']}"));
            assertThat(resolve(document, titleId("2")))
                    .isEqualTo(expected("{'v':'d1','_sourceNodes':['v:titleId:default']}"));
        }

        @Test
        void aCallerValueOfDefaultMatchesTheDefaultNode() {
            String document = "{'v':" + virtual("custom:x", "a", "1", "default", "2") + "}";
            assertThat(resolve(document, custom(Map.of("x", "default"))))
                    .isEqualTo(expected("{'v':2,'_sourceNodes':['v:custom:x:default']}"));
        }

        @Test
        void replacesWithAnyKindOfData() {
            String document = "{'a':" + virtual("titleId", "default", "null") + ",'b':" + virtual("titleId", "default", "[1,2]")
                    + ",'c':" + virtual("titleId", "default", "{}") + ",'d':" + virtual("titleId", "default", "false") + "}";
            assertThat(resolve(document, SelectorContext.none())).isEqualTo(expected("{'a':null,'b':[1,2],'c':{},'d':false,"
                    + "'_sourceNodes':['a:titleId:default','b:titleId:default','c:titleId:default','d:titleId:default']}"));
        }
    }

    @Nested
    class Removal {

        @Test
        void removesAMemberWithNoMatchAndNoDefault() {
            String document = "{'a':1,'promo':" + virtual("titleId", "1234", "'sale'") + ",'b':2}";
            assertThat(resolve(document, titleId("999"))).isEqualTo(expected("{'a':1,'b':2,'_sourceNodes':[]}"));
        }

        @Test
        void removesAnArrayElementAndLaterElementsMoveUp() {
            String document = "{'items':[" + virtual("titleId", "1", "'only for 1'") + ",'kept',"
                    + virtual("titleId", "default", "'x'") + "]}";
            assertThat(resolve(document, titleId("2")))
                    .isEqualTo(expected("{'items':['kept','x'],'_sourceNodes':['items[1]:titleId:default']}"));
            assertThat(resolve(document, titleId("1"))).isEqualTo(expected(
                    "{'items':['only for 1','kept','x'],'_sourceNodes':['items[0]:titleId:1','items[2]:titleId:default']}"));
        }

        @Test
        void aVirtualNodeWithNoSourceNodesIsRemoved() {
            assertThat(resolve("{'a':" + virtual("locale") + "}", locale("en-US")))
                    .isEqualTo(expected("{'_sourceNodes':[]}"));
        }
    }

    @Nested
    class Placement {

        @Test
        void resolvesNestedNodesInDocumentOrderDepthFirst() {
            String document = "{'z':" + virtual("titleId", "default", "1")
                    + ",'outer':{'inner':" + virtual("locale", "default", "2") + ",'list':[0,{'deep':"
                    + virtual("custom:k", "v", "3") + "}]},'a':" + virtual("titleId", "default", "4") + "}";
            assertThat(resolve(document, new SelectorContext("7", "en", Map.of("k", "v")))).isEqualTo(expected(
                    "{'z':1,'outer':{'inner':2,'list':[0,{'deep':3}]},'a':4,'_sourceNodes':"
                            + "['z:titleId:default','outer.inner:locale:default','outer.list[1].deep:custom:k:v','a:titleId:default']}"));
        }

        @Test
        void resolvesVirtualNodesInsideTheChosenData() {
            String inner = virtual("locale", "de", "'Hallo'", "default", "'Hello'");
            String document = "{'card':" + virtual("titleId", "1", "{'text':" + inner + ",'n':1}",
                    "default", "{'text':" + virtual("locale", "default", "'unused'") + "}") + "}";
            assertThat(resolve(document, new SelectorContext("1", "DE", Map.of()))).isEqualTo(expected(
                    "{'card':{'text':'Hallo','n':1},'_sourceNodes':['card:titleId:1','card.text:locale:de']}"));
        }

        @Test
        void aVirtualNodeWhoseDataIsAVirtualNodeIsResolvedTwiceAtTheSamePath() {
            String document = "{'v':" + virtual("titleId", "default", virtual("locale", "default", "'x'")) + "}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'v':'x','_sourceNodes':['v:titleId:default','v:locale:default']}"));
        }

        @Test
        void resolvesNodesInArraysOfArrays() {
            String document = "{'m':[[0," + virtual("titleId", "default", "'x'") + "]]}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'m':[[0,'x']],'_sourceNodes':['m[0][1]:titleId:default']}"));
        }

        @Test
        void resolvesARootVirtualNodeToAnObject() {
            String document = virtual("titleId", "1", "{'a':" + virtual("locale", "default", "2") + "}");
            assertThat(resolve(document, titleId("1")))
                    .isEqualTo(expected("{'a':2,'_sourceNodes':[':titleId:1','a:locale:default']}"));
        }

        @Test
        void aRemovedRootLeavesOnlySourceNodes() {
            assertThat(resolve(virtual("titleId", "1", "{'a':1}"), titleId("2"))).isEqualTo(expected("{'_sourceNodes':[]}"));
        }

        @Test
        void aRootResolvedToAScalarCannotCarrySourceNodes() {
            assertThat(resolve(virtual("titleId", "default", "'plain'"), titleId("2"))).isEqualTo(expected("'plain'"));
            assertThat(resolve(virtual("titleId", "default", "[1]"), titleId("2"))).isEqualTo("[1]");
        }

        @Test
        void replacesAStoredTopLevelSourceNodesMemberAndPutsItLast() {
            String document = "{'_sourceNodes':['stale'],'a':" + virtual("titleId", "default", "1") + ",'b':2}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'a':1,'b':2,'_sourceNodes':['a:titleId:default']}"));
        }

        @Test
        void keepsNestedSourceNodesMembersThatAreNotVirtualNodes() {
            String document = "{'x':{'_sourceNodes':[1]},'a':" + virtual("titleId", "default", "1") + "}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'x':{'_sourceNodes':[1]},'a':1,'_sourceNodes':['a:titleId:default']}"));
        }

        @Test
        void doesNotModifyTheStoredDocument() {
            JsonNode document = json(CARDS);
            JsonNode copy = document.deepCopy();
            ConfigNodes.resolve(document, titleId("1234"));
            assertThat(document).isEqualTo(copy);
        }

        @Test
        void doesNotEscapeDotsInMemberNames() {
            String document = "{'a.b':{'c':" + virtual("titleId", "default", "1") + "}}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'a.b':{'c':1},'_sourceNodes':['a.b.c:titleId:default']}"));
        }
    }

    @Nested
    class MalformedVirtualNodes {

        @ParameterizedTest
        @ValueSource(strings = {
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':{}}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':'x'}}",
                "{'_virtualNode':{'_selectBy':'titleId'}}",
                "{'_virtualNode':{'_sourceNodes':[]}}",
                "{'_virtualNode':{'_selectBy':7,'_sourceNodes':[]}}",
                "{'_virtualNode':{'_selectBy':'platform','_sourceNodes':[]}}",
                "{'_virtualNode':{'_selectBy':'TitleId','_sourceNodes':[]}}",
                "{'_virtualNode':{'_selectBy':'custom:','_sourceNodes':[]}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[1]}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[{'_selector':1234,'_data':1}]}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[{'_data':1}]}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[{'_selector':'default'}]}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[{'_selector':'default','_data':1},2]}}",
                "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[]},'note':'x'}",
                "{'_virtualNode':[]}",
                "{'_virtualNode':null}"})
        void areServedLiterally(String node) {
            assertThat(ConfigNodes.resolve(json("{'a':" + node + "}"), titleId("1234"))).isEmpty();
            assertThat(ConfigNodes.resolve(json(node), titleId("1234"))).isEmpty();
        }

        @Test
        void areKeptLiterallyBesideWellFormedOnes() {
            String malformed = "{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':'x'}}";
            String document = "{'bad':" + malformed + ",'good':" + virtual("titleId", "default", "1") + "}";
            assertThat(resolve(document, SelectorContext.none())).isEqualTo(expected(
                    "{'bad':" + malformed + ",'good':1,'_sourceNodes':['good:titleId:default']}"));
        }

        @Test
        void theirContentsAreStillWalked() {
            String document = "{'bad':{'_virtualNode':{'_selectBy':'nope','_sourceNodes':[{'_selector':'default','_data':"
                    + virtual("titleId", "default", "1") + "}]}}}";
            assertThat(resolve(document, SelectorContext.none())).isEqualTo(expected(
                    "{'bad':{'_virtualNode':{'_selectBy':'nope','_sourceNodes':[{'_selector':'default','_data':1}]}},"
                            + "'_sourceNodes':['bad._virtualNode._sourceNodes[0]._data:titleId:default']}"));
        }

        @Test
        void extraMembersInsideTheSpecificationAreIgnored() {
            String document = "{'v':{'_virtualNode':{'_selectBy':'titleId','comment':'x','_sourceNodes':"
                    + "[{'_selector':'default','_data':1,'note':'y'}]}}}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'v':1,'_sourceNodes':['v:titleId:default']}"));
        }

        @Test
        void dataMayBeNull() {
            String document = "{'v':{'_virtualNode':{'_selectBy':'titleId','_sourceNodes':[{'_selector':'default','_data':null}]}}}";
            assertThat(resolve(document, SelectorContext.none()))
                    .isEqualTo(expected("{'v':null,'_sourceNodes':['v:titleId:default']}"));
        }
    }
}
