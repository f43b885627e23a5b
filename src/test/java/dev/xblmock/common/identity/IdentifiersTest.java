package dev.xblmock.common.identity;

import static dev.xblmock.common.XblAssertions.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** SPEC 2: the shared validator, with generated valid and invalid identifiers and paths. */
@PropertyDefaults(tries = 300)
class IdentifiersTest {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SCID_CHARS = ALNUM + "_-";
    private static final String SESSION_CHARS = ALNUM + "_.~-";
    private static final String DIR_CHARS = ALNUM + "_";
    private static final String FILE_CHARS = ALNUM + "_.-";
    private static final BigInteger MAX_XUID = new BigInteger("18446744073709551615");

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> validScids() {
        return Arbitraries.strings().withChars(SCID_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> validSessionIds() {
        return Arbitraries.strings().withChars(SESSION_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(256);
    }

    /** One "character" (a code point, possibly two chars, or a percent escape) outside {@code allowed}. */
    private static Arbitrary<String> foreignTo(String allowed) {
        Arbitrary<String> single = Arbitraries.chars()
                .filter(c -> allowed.indexOf(c) < 0 && c != '/')
                .map(String::valueOf);
        Arbitrary<String> notable = Arbitraries.of("\u0000", "\u007f", " ", "\\", "%2F", "%", ",", ":", "é", "😀",
                "\u200b", "\ud800");
        return Arbitraries.oneOf(single, notable).filter(s -> allowed.indexOf(s.charAt(0)) < 0);
    }

    @Provide
    Arbitrary<String> foreignToScid() {
        return foreignTo(SCID_CHARS);
    }

    @Provide
    Arbitrary<String> foreignToSessionId() {
        return foreignTo(SESSION_CHARS);
    }

    @Provide
    Arbitrary<String> foreignToDirectory() {
        return foreignTo(DIR_CHARS);
    }

    @Provide
    Arbitrary<String> foreignToFileNames() {
        return foreignTo(FILE_CHARS);
    }

    private static Arbitrary<String> segment() {
        return Arbitraries.strings().withChars(DIR_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> validListingPaths() {
        return segment().list().ofMinSize(0).ofMaxSize(8).map(segments -> String.join("/", segments));
    }

    @Provide
    Arbitrary<String> fileNames() {
        return Arbitraries.strings().withChars(FILE_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(40)
                .filter(name -> !name.contains("..") && !name.endsWith("."));
    }

    @Provide
    Arbitrary<String> validPathAndFileNames() {
        return Combinators.combine(segment().list().ofMaxSize(6), fileNames())
                .as((dirs, file) -> dirs.isEmpty() ? file : String.join("/", dirs) + "/" + file);
    }

    /** Strings of exactly one code point each (an emoji is one; a flag, two regional indicators, is not). */
    @Provide
    Arbitrary<String> singleCodePoints() {
        return Arbitraries.of("a", "Z", "0", " ", "é", "中", "😀", "🂡", "-", "'");
    }

    @Provide
    Arbitrary<List<String>> upTo128CodePoints() {
        return singleCodePoints().list().ofMinSize(1).ofMaxSize(128);
    }

    private static String insert(String value, int at, String inserted) {
        int k = Math.min(at, value.length());
        return value.substring(0, k) + inserted + value.substring(k);
    }

    private static int codePoints(String value) {
        return value.codePointCount(0, value.length());
    }

    // ---------------------------------------------------------------- scid

    @Property
    void validScidsPass(@ForAll("validScids") String scid) {
        assertThat(Identifiers.scid(scid)).isEqualTo(scid);
    }

    @Property
    void aScidWithAForeignCharacterFailsNamingItsPosition(@ForAll("validScids") String scid,
            @ForAll("foreignToScid") String bad, @ForAll @IntRange(max = 64) int at) {
        String value = insert(scid, at, bad);
        Assume.that(codePoints(value) <= Identifiers.MAX_SCID_LENGTH);
        XblException e = rejects(ErrorCode.INVALID_SCID, () -> Identifiers.scid(value));
        assertThat(e.detail()).contains("at position " + (Math.min(at, scid.length()) + 1) + ";");
    }

    @Example
    void scidExamples() {
        assertThat(Identifiers.scid("MockScid")).isEqualTo("MockScid");
        assertThat(Identifiers.scid("123456789")).isEqualTo("123456789");
        assertThat(Identifiers.scid("00000000-0000-0000-0000-000066591171")).isEqualTo("00000000-0000-0000-0000-000066591171");
        assertThat(Identifiers.scid("a".repeat(64))).hasSize(64);
        assertThat(rejects(ErrorCode.INVALID_SCID, () -> Identifiers.scid("a".repeat(65))).detail())
                .isEqualTo("scid is 65 characters long; at most 64 are allowed.");
        assertThat(rejects(ErrorCode.INVALID_SCID, () -> Identifiers.scid("")).detail()).isEqualTo("scid must not be empty.");
        rejects(ErrorCode.INVALID_SCID, () -> Identifiers.scid(null));
        assertThat(rejects(ErrorCode.INVALID_SCID, () -> Identifiers.scid("ab.c")).detail())
                .isEqualTo("scid 'ab.c' contains '.' at position 3; only letters, digits, '_' and '-' are allowed.");
        assertThat(rejects(ErrorCode.INVALID_SCID, () -> Identifiers.scid("a\tb")).detail())
                .isEqualTo("scid 'a\\u0009b' contains U+0009 at position 2; only letters, digits, '_' and '-' are allowed.");
    }

    // ---------------------------------------------------------------- xuid

    @Property
    void everyUnsignedLongIsAValidXuid(@ForAll long value) {
        String text = Long.toUnsignedString(value);
        Xuid xuid = Identifiers.xuid(text, "xuid");
        assertThat(xuid.value()).isEqualTo(value);
        assertThat(xuid.toString()).isEqualTo(text);
    }

    @Property
    void leadingZerosNameTheSameUser(@ForAll long value, @ForAll @IntRange(min = 1, max = 19) int zeros) {
        String text = Long.toUnsignedString(value);
        String padded = "0".repeat(zeros) + text;
        Assume.that(padded.length() <= 20);
        assertThat(Identifiers.xuid(padded, "xuid")).isEqualTo(Identifiers.xuid(text, "xuid"));
        assertThat(Identifiers.xuidSegment("xuid(" + padded + ")").toString()).isEqualTo(text);
    }

    @Property
    void moreThanTwentyDigitsFailEvenWithLeadingZeros(@ForAll long value) {
        String text = Long.toUnsignedString(value);
        String padded = "0".repeat(21 - text.length()) + text;
        XblException e = rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid(padded, "xuid"));
        assertThat(e.detail()).contains("1 to 20 digits");
    }

    @Provide
    Arbitrary<BigInteger> aboveMaxXuid() {
        return Arbitraries.bigIntegers().between(MAX_XUID.add(BigInteger.ONE), BigInteger.TEN.pow(20).subtract(BigInteger.ONE));
    }

    @Property
    void twentyDigitNumbersAboveTheMaximumFail(@ForAll("aboveMaxXuid") BigInteger number) {
        String text = number.toString();
        XblException e = rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid(text, "xuid"));
        assertThat(e.detail()).isEqualTo("xuid '" + text + "' is greater than 18446744073709551615.");
    }

    @Property
    void aXuidWithANonDigitFails(@ForAll long value, @ForAll("foreignToScid") String bad, @ForAll @IntRange(max = 20) int at) {
        String text = insert(Long.toUnsignedString(value), at, bad);
        rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid(text, "xuid"));
    }

    @Example
    void xuidBoundaries() {
        assertThat(Identifiers.xuid("18446744073709551615", "xuid").value()).isEqualTo(-1L);
        assertThat(Identifiers.xuid("18446744073709551615", "xuid").toString()).isEqualTo("18446744073709551615");
        assertThat(rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid("18446744073709551616", "xuid")).detail())
                .isEqualTo("xuid '18446744073709551616' is greater than 18446744073709551615.");
        assertThat(Identifiers.xuid("0", "xuid").value()).isZero();
        assertThat(Identifiers.xuid("00000000000000000001", "xuid")).isEqualTo(new Xuid(1));
        assertThat(rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid("000000000000000000001", "xid")).detail())
                .isEqualTo("xid '000000000000000000001' must be an unsigned 64-bit decimal number of 1 to 20 digits.");
        for (String bad : List.of("", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "\u0661", "\uff11")) {
            rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid(bad, "xuid"));
        }
        rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuid(null, "xuid"));
    }

    @Example
    void xuidSegments() {
        assertThat(Identifiers.xuidSegment("xuid(2533274792693551)")).isEqualTo(new Xuid(2533274792693551L));
        assertThat(Identifiers.xuidSegment("xuid(0001)")).isEqualTo(Identifiers.xuidSegment("xuid(1)"));
        for (String bad : List.of("XUID(1)", "xuid(1", "xuid1)", "xuid()", "1", "xuid(-1)", "xuid( 1)", "")) {
            rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuidSegment(bad));
        }
        rejects(ErrorCode.INVALID_XUID, () -> Identifiers.xuidSegment(null));
    }

    @Property
    void xuidsCompareAsUnsignedNumbers(@ForAll long a, @ForAll long b) {
        Xuid x = new Xuid(a);
        Xuid y = new Xuid(b);
        assertThat(Integer.signum(x.compareTo(y)))
                .isEqualTo(new BigInteger(x.toString()).compareTo(new BigInteger(y.toString())));
    }

    // ---------------------------------------------------------------- sessionId

    @Property
    void validSessionIdsPass(@ForAll("validSessionIds") String sessionId) {
        assertThat(Identifiers.sessionId(sessionId)).isEqualTo(sessionId);
    }

    @Property
    void aSessionIdWithAForeignCharacterFailsNamingItsPosition(@ForAll("validSessionIds") String sessionId,
            @ForAll("foreignToSessionId") String bad, @ForAll @IntRange(max = 256) int at) {
        String value = insert(sessionId, at, bad);
        Assume.that(codePoints(value) <= Identifiers.MAX_SESSION_ID_LENGTH);
        XblException e = rejects(ErrorCode.INVALID_SESSION_ID, () -> Identifiers.sessionId(value));
        assertThat(e.detail()).contains("at position " + (Math.min(at, sessionId.length()) + 1) + ";");
    }

    @Example
    void sessionIdExamples() {
        assertThat(Identifiers.sessionId("Template~Session")).isEqualTo("Template~Session");
        assertThat(Identifiers.sessionId("~")).isEqualTo("~");
        assertThat(Identifiers.sessionId("a.b-c_d")).isEqualTo("a.b-c_d");
        assertThat(Identifiers.sessionId("s".repeat(256))).hasSize(256);
        rejects(ErrorCode.INVALID_SESSION_ID, () -> Identifiers.sessionId("s".repeat(257)));
        rejects(ErrorCode.INVALID_SESSION_ID, () -> Identifiers.sessionId(""));
        assertThat(rejects(ErrorCode.INVALID_SESSION_ID, () -> Identifiers.sessionId("a/b")).detail())
                .contains("'/' at position 2");
    }

    // ---------------------------------------------------------------- listing path

    @Property
    void validListingPathsPassWithOrWithoutATrailingSlash(@ForAll("validListingPaths") String path) {
        assertThat(Identifiers.listingPath(path)).isEqualTo(path);
        if (!path.isEmpty()) {
            assertThat(Identifiers.listingPath(path + "/")).isEqualTo(path);
        }
    }

    @Property
    void aListingPathWithAForeignCharacterFailsNamingItsPosition(@ForAll("validListingPaths") String path,
            @ForAll("foreignToDirectory") String bad, @ForAll @IntRange(max = 120) int at) {
        String value = insert(path, at, bad);
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath(value));
        assertThat(e.detail()).contains("at position " + (Math.min(at, path.length()) + 1) + ";");
    }

    @Property
    void aListingPathWithAnEmptySegmentFails(@ForAll("validListingPaths") String path, @ForAll @IntRange(max = 120) int at) {
        int slash = path.indexOf('/', Math.min(at, path.length()));
        Assume.that(slash >= 0);
        String value = path.substring(0, slash) + "/" + path.substring(slash);
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath(value));
        assertThat(e.detail()).contains("empty segment ('//') at position " + (value.indexOf("//") + 1) + ".");
    }

    @Example
    void listingPathExamples() {
        assertThat(Identifiers.listingPath("")).isEmpty();
        assertThat(Identifiers.listingPath(null)).isEmpty();
        assertThat(Identifiers.listingPath("queststatus/")).isEqualTo("queststatus");
        assertThat(Identifiers.listingPath("a".repeat(256))).hasSize(256);
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("a".repeat(257))).detail())
                .isEqualTo("The listing path is 257 characters long; at most 256 are allowed.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("/a")).detail())
                .isEqualTo("The listing path '/a' starts with '/' at position 1; it is relative to data/.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("/")).detail()).contains("position 1");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("a//")).detail())
                .isEqualTo("The listing path 'a//' has an empty segment ('//') at position 2.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("maps/a.json")).detail())
                .startsWith("The listing path 'maps/a.json' contains '.' at position 7;")
                .contains(",binary, ,json or ,config");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("maps,json")).detail())
                .startsWith("The listing path 'maps,json' contains ',' at position 5;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("a/../b")).detail())
                .contains("'.' at position 3");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.listingPath("a-b")).detail())
                .isEqualTo("The listing path 'a-b' contains '-' at position 2; only letters, digits, '_' and '/' are allowed.");
    }

    // ---------------------------------------------------------------- pathAndFileName

    @Property
    void validPathAndFileNamesPass(@ForAll("validPathAndFileNames") String value) {
        assertThat(Identifiers.pathAndFileName(value)).isEqualTo(value);
    }

    @Property
    void aForeignCharacterAnywhereFailsNamingItsPosition(@ForAll("validPathAndFileNames") String value,
            @ForAll("foreignToFileNames") String bad, @ForAll @IntRange(max = 130) int at) {
        String invalid = insert(value, at, bad);
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName(invalid));
        assertThat(e.detail()).contains("at position " + (Math.min(at, value.length()) + 1) + ";");
    }

    @Property
    void aDotInTheDirectoryPartFailsNamingItsPosition(@ForAll("validPathAndFileNames") String value,
            @ForAll @IntRange(max = 130) int at) {
        int slash = value.lastIndexOf('/');
        Assume.that(slash > 0);
        int k = Math.min(at, slash);
        String invalid = insert(value, k, ".");
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName(invalid));
        assertThat(e.detail()).contains("'.' at position " + (k + 1) + ";");
    }

    @Property
    void doubleDotsInTheFileNameFail(@ForAll("validPathAndFileNames") String value, @ForAll @IntRange(max = 40) int at) {
        int fileStart = value.lastIndexOf('/') + 1;
        String invalid = insert(value, fileStart + Math.min(at, value.length() - fileStart), "..");
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName(invalid));
        assertThat(e.detail()).contains("contains '..' at position " + (invalid.indexOf("..") + 1) + ";");
    }

    @Property
    void aTrailingDotFails(@ForAll("validPathAndFileNames") String value) {
        String invalid = value + ".";
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName(invalid));
        assertThat(e.detail()).contains("ends with '.' at position " + invalid.length() + ";");
    }

    @Property
    void anEmptySegmentFails(@ForAll("validPathAndFileNames") String value, @ForAll @IntRange(max = 130) int at) {
        int slash = value.indexOf('/', Math.min(at, value.length()));
        Assume.that(slash >= 0);
        String invalid = value.substring(0, slash) + "/" + value.substring(slash);
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName(invalid));
        assertThat(e.detail()).contains("empty segment ('//') at position " + (invalid.indexOf("//") + 1) + ".");
    }

    @Property
    void aLeadingSlashFails(@ForAll("validPathAndFileNames") String value) {
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("/" + value));
        assertThat(e.detail()).contains("starts with '/' at position 1;");
    }

    @Property
    void moreThan256CodePointsFail(@ForAll("validPathAndFileNames") String value, @ForAll @IntRange(min = 1, max = 200) int extra) {
        String prefix = "d".repeat(256 - value.length() + extra - 1) + "/";
        String invalid = prefix + value;
        XblException e = rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName(invalid));
        assertThat(e.detail()).isEqualTo("pathAndFileName is " + codePoints(invalid) + " characters long; at most 256 are allowed.");
    }

    @Example
    void pathAndFileNameExamples() {
        assertThat(Identifiers.pathAndFileName("queststatus/quest01.json")).isEqualTo("queststatus/quest01.json");
        assertThat(Identifiers.pathAndFileName("a.b-c_d")).isEqualTo("a.b-c_d");
        assertThat(Identifiers.pathAndFileName(".hidden")).isEqualTo(".hidden");
        assertThat(Identifiers.pathAndFileName("d/" + "f".repeat(254))).hasSize(256);
        rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("f".repeat(257)));
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("")).detail())
                .isEqualTo("pathAndFileName must not be empty.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("a//b")).detail())
                .isEqualTo("pathAndFileName 'a//b' has an empty segment ('//') at position 2.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("a/")).detail())
                .isEqualTo("pathAndFileName 'a/' ends with '/' at position 2; the file name after it is missing.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("a..b")).detail())
                .isEqualTo("pathAndFileName 'a..b' contains '..' at position 2; a file name must not contain '..'.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("..")).detail()).contains("position 1");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("dir/a.")).detail())
                .isEqualTo("pathAndFileName 'dir/a.' ends with '.' at position 6; a file name must not end with '.'.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("../a")).detail())
                .isEqualTo("The directory part of pathAndFileName '../a' contains '.' at position 1; "
                        + "only letters, digits, '_' and '/' are allowed.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("a\\b")).detail())
                .isEqualTo("The file name of pathAndFileName 'a\\b' contains '\\' at position 2; "
                        + "only letters, digits, '_', '.' and '-' are allowed.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("😀é")).detail())
                .contains("'😀' at position 1;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> Identifiers.pathAndFileName("a\u0000b")).detail())
                .contains("'a\\u0000b' contains U+0000 at position 2;");
    }

    // ---------------------------------------------------------------- displayName

    @Property
    void upTo128CodePointsPass(@ForAll("upTo128CodePoints") List<String> codePoints) {
        String name = String.join("", codePoints);
        assertThat(Identifiers.displayName(name)).isEqualTo(name);
    }

    @Property
    void moreThan128CodePointsFail(@ForAll("singleCodePoints") String unit, @ForAll @IntRange(min = 129, max = 300) int count) {
        String name = unit.repeat(count);
        XblException e = rejects(ErrorCode.INVALID_DISPLAY_NAME, () -> Identifiers.displayName(name));
        assertThat(e.detail()).isEqualTo("displayName is " + codePoints(name) + " characters long; at most 128 are allowed.");
    }

    @Example
    void displayNameExamples() {
        assertThat(Identifiers.displayName("😀".repeat(128))).hasSize(256);
        assertThat(rejects(ErrorCode.INVALID_DISPLAY_NAME, () -> Identifiers.displayName("😀".repeat(129))).detail())
                .isEqualTo("displayName is 129 characters long; at most 128 are allowed.");
        assertThat(Identifiers.displayName("x".repeat(128))).hasSize(128);
        assertThat(Identifiers.displayName("🇫🇷".repeat(64))).hasSize(256); // 128 code points
        rejects(ErrorCode.INVALID_DISPLAY_NAME, () -> Identifiers.displayName("🇫🇷".repeat(64) + "x"));
        rejects(ErrorCode.INVALID_DISPLAY_NAME, () -> Identifiers.displayName("x".repeat(129)));
        assertThat(Identifiers.displayName("")).isNull();
        assertThat(Identifiers.displayName(null)).isNull();
        assertThat(Identifiers.displayName("Quest 1")).isEqualTo("Quest 1");
        assertThat(rejects(ErrorCode.INVALID_DISPLAY_NAME, () -> Identifiers.displayName("😀\u0007")).detail())
                .isEqualTo("displayName contains a control character at position 2.");
    }
}
