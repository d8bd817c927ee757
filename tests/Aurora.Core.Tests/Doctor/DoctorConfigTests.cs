using Aurora.Core.Config;
using Aurora.Core.Tests.Config;

namespace Aurora.Core.Tests.Doctor;

/// `doctor: { advisories: ./advisories }` in aurora.yaml.
public sealed class DoctorConfigTests : IDisposable
{
    private const string Service = "services:\n  api: { command: \"python3 app.py\" }\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void No_doctor_section_means_no_advisory_directory()
    {
        Assert.Equal(DoctorConfig.Default, _project.Load(Service).Config!.Doctor);
        Assert.Null(DoctorConfig.Default.AdvisoriesDirectory);
    }

    [Fact]
    public void Advisories_is_relative_to_the_project_and_need_not_exist_yet()
    {
        var config = _project.Load(Service + "doctor: { advisories: ./sec/osv }\n").Config!;

        Assert.Equal(Path.Combine(_project.Directory, "sec", "osv"), config.Doctor.AdvisoriesDirectory);
    }

    [Fact]
    public void A_bad_value_is_a_positioned_error()
    {
        Assert.Equal(
        [
            "aurora.yaml:3:23: doctor.advisories: needs a directory of OSV advisory files (*.json), relative to the project directory, e.g. advisories: ./advisories",
        ], _project.Problems(Service + "doctor: { advisories: \"  \" }\n"));
        Assert.Equal(["aurora.yaml:3:23: doctor.advisories: expected a string, got a list"], _project.Problems(Service + "doctor: { advisories: [a, b] }\n"));
        Assert.Equal(["aurora.yaml:3:11: doctor.advisory: unknown key \"advisory\"; allowed here: advisories"], _project.Problems(Service + "doctor: { advisory: ./a }\n"));
    }
}
