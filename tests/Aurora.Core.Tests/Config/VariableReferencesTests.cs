using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Tests.Config;

public sealed class VariableReferencesTests
{
    [Theory]
    [InlineData("${DB}", "DB Plain False - 0")]
    [InlineData("x ${DB:-sqlite} y", "DB Default True sqlite 2")]
    [InlineData("${DB-sqlite}", "DB Default False sqlite 0")]
    [InlineData("${DB:?set DB to a URL}", "DB Required True set DB to a URL 0")]
    [InlineData("${DB?}", "DB Required False  0")]
    [InlineData("${DEBUG:+--verbose}", "DEBUG Alternate True --verbose 0")]
    [InlineData("$${NOT} and ${YES}", "YES Plain False - 12")]
    [InlineData("${A:-${B}}", "A Default True ${B} 0|B Plain False - 5")]
    [InlineData("x${A:-y${B:-${C}}}", "A Default True y${B:-${C}} 1|B Default True ${C} 7|C Plain False - 12")]
    [InlineData("$HOME/bin:$PATH", "HOME Plain False - 0|PATH Plain False - 10")]
    [InlineData("$$HOME $_x1-y", "_x1 Plain False - 7")]
    public void Finds_each_form_of_reference(string text, string expected)
    {
        var found = VariableReferences.Find(text).Select(r => $"{r.Name} {r.Kind} {r.EmptyCounts} {r.Text ?? "-"} {r.Offset}");

        Assert.Equal(expected, string.Join("|", found));
    }

    [Theory]
    [InlineData("cost: 5$ or $")]
    [InlineData("echo $(umask) $1 $? $! $-")]
    [InlineData("${}")]
    [InlineData("${1A}")]
    [InlineData("${UNCLOSED")]
    [InlineData("${A B}")]
    public void Ignores_what_is_not_a_reference(string text) => Assert.Empty(VariableReferences.Find(text));

    [Theory]
    [InlineData("a $$ b ${X} $(c) ${1A} $Y", "Escape 2 2|Reference 7 4|Invalid 17 5|Reference 23 2")]
    [InlineData("${UNCLOSED and more", "Invalid 0 19")]
    public void Scans_escapes_references_and_invalid_braces_in_order(string text, string expected) =>
        Assert.Equal(expected, string.Join("|", VariableReferences.Scan(text).Select(t => $"{t.Kind} {t.Offset} {t.Length}")));

    [Fact]
    public void Missing_means_unset_or_for_the_colon_forms_empty()
    {
        var plain = VariableReferences.Find("${A}")[0];
        var required = VariableReferences.Find("${A:?}")[0];

        Assert.True(plain.IsMissing(null));
        Assert.False(plain.IsMissing(""));
        Assert.True(required.IsMissing(""));
        Assert.True(plain.HasNoFallback);
        Assert.False(VariableReferences.Find("${A:-x}")[0].HasNoFallback);
    }
}
