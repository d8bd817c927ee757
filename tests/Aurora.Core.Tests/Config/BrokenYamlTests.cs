using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public sealed class BrokenYamlTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("services:\n  api:\n    command: [python3\n",
        "aurora.yaml:4:1: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("services:\n  api:\n    command: python3\n  api:\n    command: node\n",
        "aurora.yaml:4:3: invalid YAML: Duplicate key api; each key may appear only once in a mapping")]
    [InlineData("services:\n  api:\n\tcommand: python3\n",
        "aurora.yaml:3:1: invalid YAML: While scanning a mapping, found invalid tab as indentation; indent with spaces, not tabs")]
    [InlineData("services:\n  api:\n    command: python3\n   ports: [1]\n",
        "aurora.yaml:4:4: invalid YAML: While parsing a block mapping, did not find expected key")]
    public void Syntax_errors_become_positioned_diagnostics(string yaml, string expected)
    {
        var result = _project.Load(yaml);

        Assert.False(result.Ok);
        Assert.Equal([expected], result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("", result.Diagnostics[0].KeyPath);
    }

    [Theory]
    [InlineData("", "aurora.yaml:1:1: the file is empty; it needs at least services:, e.g. services: { api: { command: \"python3 app.py\" } }")]
    [InlineData("# nothing yet\n", "aurora.yaml:1:1: the file is empty; it needs at least services:, e.g. services: { api: { command: \"python3 app.py\" } }")]
    [InlineData("- api\n", "aurora.yaml:1:1: expected a mapping (key: value), got a list")]
    [InlineData("version: 1\n", "aurora.yaml:1:1: services: required key is missing; list the services to run, e.g. services: { api: { command: \"python3 app.py\" } }")]
    [InlineData("services: {}\n", "aurora.yaml:1:1: services: has no services; add at least one, e.g. services: { api: { command: \"python3 app.py\" } }")]
    [InlineData("services:\n  api: { command: python3 }\n---\nservices: {}\n", "aurora.yaml:4:1: has more than one YAML document (---); put everything in one")]
    public void Files_without_services_are_explained(string yaml, string expected) =>
        Assert.Equal([expected], _project.Problems(yaml));

    [Fact]
    public void Missing_file_is_a_diagnostic_without_position()
    {
        var result = ConfigLoader.Load(Path.Combine(_project.Directory, "nope.yaml"));

        Assert.False(result.Ok);
        Assert.Equal("nope.yaml: cannot read " + Path.Combine(_project.Directory, "nope.yaml") + ": file not found",
            Assert.Single(result.Diagnostics).ToString());
    }
}
