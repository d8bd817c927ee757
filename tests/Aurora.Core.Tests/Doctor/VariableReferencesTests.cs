using Aurora.Core.Doctor.Variables;

namespace Aurora.Core.Tests.Doctor;

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
    public void Finds_each_form_of_reference(string text, string expected)
    {
        var found = VariableReferences.Find(text).Select(r => $"{r.Name} {r.Kind} {r.EmptyCounts} {r.Text ?? "-"} {r.Offset}");

        Assert.Equal(expected, string.Join("|", found));
    }

    [Theory]
    [InlineData("$HOME and $")]
    [InlineData("${}")]
    [InlineData("${1A}")]
    [InlineData("${UNCLOSED")]
    [InlineData("${A B}")]
    public void Ignores_what_is_not_a_braced_reference(string text) => Assert.Empty(VariableReferences.Find(text));

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
