using System.Text.Json;
using Aurora.Core.Doctor.Advisories;
using Aurora.Core.Doctor.Install;

namespace Aurora.Core.Tests.Doctor;

/// Range matching against the real GHSA records in tests/data/doctor/advisories.
public sealed class OsvMatcherTests
{
    private static readonly Lazy<IReadOnlyList<OsvAdvisory>> Sample = new(() => OsvReader.ReadDirectory(DoctorData.Path("advisories")).Advisories);

    [Fact]
    public void The_sample_reads_whole_with_severity_and_score()
    {
        var read = OsvReader.ReadDirectory(DoctorData.Path("advisories"));

        Assert.Empty(read.Problems);
        Assert.Equal(7, read.Advisories.Length);
        var minimist = read.Advisories.Single(a => a.Id == "GHSA-xvch-5gv4-984h");
        Assert.Equal("critical", minimist.Severity);
        Assert.Equal(9.8, minimist.Score);
        Assert.Equal(["CVE-2021-44906"], minimist.Aliases);
        Assert.Equal("Prototype Pollution in minimist", minimist.Summary);
        Assert.Equal(2, minimist.Affected.Length);
        Assert.Equal("moderate", read.Advisories.Single(a => a.Id == "GHSA-j8r2-6x86-q33q").Severity);
    }

    [Theory]
    [InlineData("npm", "minimist", "1.2.5", "GHSA-xvch-5gv4-984h", "1.2.6")]
    [InlineData("npm", "minimist", "0.2.0", "GHSA-vh95-rmgr-6w4m,GHSA-xvch-5gv4-984h", "0.2.1,0.2.4")]
    [InlineData("npm", "minimist", "1.2.2", "GHSA-vh95-rmgr-6w4m,GHSA-xvch-5gv4-984h", "1.2.3,1.2.6")]
    [InlineData("npm", "minimist", "1.2.6", "", "")]
    [InlineData("npm", "lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm", "4.17.21")]
    [InlineData("npm", "lodash-es", "4.17.15", "GHSA-35jh-r3h4-6jhm", "4.17.21")]
    [InlineData("npm", "lodash", "4.17.21", "", "")]
    [InlineData("npm", "semver", "6.3.0", "GHSA-c2qf-rxjj-qqgw", "6.3.1")]
    [InlineData("npm", "semver", "5.7.1", "GHSA-c2qf-rxjj-qqgw", "5.7.2")]
    [InlineData("npm", "semver", "7.0.0-rc.1", "", "")]
    [InlineData("npm", "semver", "7.5.2", "", "")]
    [InlineData("PyPI", "Django", "3.2.12", "GHSA-2gwj-7jmv-h26r", "3.2.13")]
    [InlineData("PyPI", "django", "2.2", "GHSA-2gwj-7jmv-h26r", "2.2.28")]
    [InlineData("PyPI", "django", "3.1.14", "", "")]
    [InlineData("PyPI", "Django", "4.0.4", "", "")]
    [InlineData("PyPI", "requests", "2.30.0", "GHSA-j8r2-6x86-q33q", "2.31.0")]
    [InlineData("PyPI", "requests", "2.2.1", "", "")]
    [InlineData("PyPI", "requests", "2.31.0", "", "")]
    [InlineData("PyPI", "pip", "23.2.1", "GHSA-mq26-g339-26xf", "23.3")]
    [InlineData("PyPI", "pip", "23.3.0", "", "")]
    [InlineData("PyPI", "pip", "23.3rc1", "GHSA-mq26-g339-26xf", "23.3")]
    [InlineData("npm", "Django", "3.2.12", "", "")]
    public void A_locked_version_matches_the_records_whose_ranges_hold_it(string ecosystem, string name, string version, string ids, string fixedIn)
    {
        var package = new LockedPackage(ecosystem, name, version, "lock");
        var matches = Sample.Value.Select(a => OsvMatcher.Match(package, a)).OfType<AdvisoryMatch>().OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(ids, string.Join(",", matches.Select(m => m.Id)));
        Assert.Equal(fixedIn, string.Join(",", matches.Select(m => m.Fixed)));
    }

    [Theory]
    [InlineData("1.4.0", false)]
    [InlineData("1.5.0", true)]
    [InlineData("1.7.3", true)]
    [InlineData("1.7.4", false)]
    [InlineData("2.0.0", true)]
    [InlineData("2.9.0", true)]
    [InlineData("3.0.0", false)]
    [InlineData("0.9.1", true)]
    public void Last_affected_is_inclusive_limit_exclusive_and_listed_versions_match(string version, bool affected)
    {
        // Not from the sample: the event kinds GHSA records do not use (last_affected, limit), and versions[].
        var record = JsonDocument.Parse("""
            {"id": "TEST-1", "summary": "s", "affected": [
              {"package": {"ecosystem": "npm", "name": "pkg"}, "versions": ["0.9.1"],
               "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.5.0"}, {"last_affected": "1.7.3"},
                                                        {"introduced": "2.0.0"}, {"limit": "3.0.0"}]}]}]}
            """).RootElement;
        var advisory = OsvReader.Parse(record)!;

        Assert.Equal("unknown", advisory.Severity);
        Assert.Equal(affected, OsvMatcher.Match(new LockedPackage("npm", "pkg", version, "lock"), advisory) is not null);
    }

    [Fact]
    public void An_introduced_event_without_an_end_affects_every_later_version()
    {
        var advisory = OsvReader.Parse(JsonDocument.Parse("""
            {"id": "TEST-2", "affected": [{"package": {"ecosystem": "PyPI", "name": "Some_Pkg"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0"}]}]}]}
            """).RootElement)!;

        var match = OsvMatcher.Match(new LockedPackage("PyPI", "some-pkg", "9.1", "requirements.txt"), advisory);

        Assert.NotNull(match);
        Assert.Null(match.Fixed);
        Assert.Null(OsvMatcher.Match(new LockedPackage("PyPI", "some-pkg", "0.9", "requirements.txt"), advisory));
    }

    [Fact]
    public void A_file_that_is_not_an_osv_record_is_named_and_skipped()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-osv-").FullName;
        try
        {
            File.Copy(DoctorData.Path("advisories/GHSA-j8r2-6x86-q33q.json"), Path.Combine(dir, "good.json"));
            File.WriteAllText(Path.Combine(dir, "broken.json"), "{ not json");
            File.WriteAllText(Path.Combine(dir, "other.json"), """{"name": "a package.json"}""");

            var read = OsvReader.ReadDirectory(dir);

            Assert.Equal(["GHSA-j8r2-6x86-q33q"], read.Advisories.Select(a => a.Id));
            Assert.Equal(["broken.json: not valid JSON", "other.json: not an OSV record (needs id and affected)"], read.Problems);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
