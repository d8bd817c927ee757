namespace Aurora.Porting.Tests.Export;

/// Runs tests/tools/export-validate/validate.mjs (node, ajv with the Compose specification's schema, and
/// kubernetes-models) on an exported file: offline, from the node_modules that ./test.sh installs with npm ci.
internal static class SchemaCheck
{
    public static async Task AssertValidAsync(string kind, string file)
    {
        var tool = RepoPaths.ValidatorDirectory;
        Assert.True(File.Exists("/usr/bin/node"), "node is missing: ./test.sh installs it (apt-get install -y nodejs)");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "kubernetes-models")),
            $"{tool}/node_modules is missing: ./test.sh installs it (cd tests/tools/export-validate && npm ci)");
        var (exit, output) = await ToolRun.RunAsync(tool, "/usr/bin/node", "validate.mjs", kind, file);
        Assert.True(exit == 0 && output.StartsWith("ok ", StringComparison.Ordinal) && output.Trim().Split('\n').Length == 1,
            $"validate.mjs {kind}: exit {exit}\n{output}\n{File.ReadAllText(file)}");
    }
}
