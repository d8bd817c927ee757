using Aurora.Core.Doctor.Advisories;

namespace Aurora.Core.Tests.Doctor;

public sealed class VersionOrderTests
{
    [Fact]
    public void Semver_orders_releases_and_prereleases_by_the_semver_spec()
    {
        // semver.org §11, plus the OSV "0" lower bound and npm's loose spellings.
        string[] ascending =
        [
            "0", "0.0.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.2.5", "1.2.6", "1.10.0", "2.0.0",
        ];
        AssertAscending(SemVer.Instance, ascending);
        Assert.Equal(0, SemVer.Instance.Compare("v1.2.3", "1.2.3"));
        Assert.Equal(0, SemVer.Instance.Compare("1.2.3+build.7", "1.2.3"));
        Assert.Equal(0, SemVer.Instance.Compare("1.2", "1.2.0"));
        Assert.Null(SemVer.Instance.Compare("latest", "1.0.0"));
    }

    [Fact]
    public void Pep440_orders_dev_pre_post_releases_as_the_spec_example()
    {
        // PEP 440 "Summary of permitted suffixes and relative ordering" (the local-version line left out).
        string[] ascending =
        [
            "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
            "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0.post456.dev34", "1.0.post456", "1.1.dev1", "2.0", "1!0.1",
        ];
        AssertAscending(Pep440Version.Instance, ascending);
    }

    [Theory]
    [InlineData("2.0", "2.0.0")]
    [InlineData("1.0alpha1", "1.0a1")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("1.0c1", "1.0rc1")]
    [InlineData("1.0.0+local.7", "1.0")]
    [InlineData("V3.2", "3.2.0")]
    public void Pep440_normalised_spellings_are_the_same_version(string a, string b) =>
        Assert.Equal(0, Pep440Version.Instance.Compare(a, b));

    [Fact]
    public void Pep440_rejects_what_is_not_a_version() => Assert.Null(Pep440Version.Instance.Compare("banana", "1.0"));

    private static void AssertAscending(IVersionScheme scheme, string[] versions)
    {
        for (var i = 0; i < versions.Length; i++)
        {
            for (var j = 0; j < versions.Length; j++)
            {
                Assert.True(Math.Sign(scheme.Compare(versions[i], versions[j])!.Value) == Math.Sign(i.CompareTo(j)),
                    $"{versions[i]} vs {versions[j]}: expected {Math.Sign(i.CompareTo(j))}, got {scheme.Compare(versions[i], versions[j])}");
            }
        }
    }
}
