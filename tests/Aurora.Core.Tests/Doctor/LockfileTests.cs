using Aurora.Core.Doctor.Install;

namespace Aurora.Core.Tests.Doctor;

/// The lockfile readers on real lockfiles (tests/data/doctor).
public sealed class LockfileTests
{
    [Fact]
    public void Npm_v3_lockfile_lists_every_installed_path_nested_ones_included()
    {
        var entries = NpmLock.Read(DoctorData.Path("node-npm/package-lock.json"))!;

        Assert.Equal(
            ["node_modules/debug debug 4.3.4", "node_modules/debug/node_modules/ms ms 2.1.2", "node_modules/minimist minimist 1.2.5", "node_modules/ms ms 2.1.3"],
            entries.Select(e => $"{e.Path} {e.Name} {e.Version}"));
    }

    [Fact]
    public void Npm_v1_lockfile_nests_dependencies()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-npm1-").FullName;
        try
        {
            // The lockfileVersion 1 shape npm 6 wrote, for the same packages.
            File.WriteAllText(Path.Combine(dir, "package-lock.json"), """
                {"name": "a", "version": "1.0.0", "lockfileVersion": 1, "requires": true, "dependencies": {
                  "debug": {"version": "4.3.4", "requires": {"ms": "2.1.2"}, "dependencies": {"ms": {"version": "2.1.2"}}},
                  "minimist": {"version": "1.2.5"},
                  "local": {"version": "file:../local"}}}
                """);

            var entries = NpmLock.Read(Path.Combine(dir, "package-lock.json"))!;

            Assert.Equal(["node_modules/debug 4.3.4", "node_modules/debug/node_modules/ms 2.1.2", "node_modules/minimist 1.2.5"],
                entries.Select(e => $"{e.Path} {e.Version}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Pnpm_v9_lockfile_gives_direct_dependencies_and_every_package()
    {
        var pnpm = PnpmLock.Read(DoctorData.Path("node-pnpm/pnpm-lock.yaml"))!;

        Assert.Equal(["debug 4.3.4", "minimist 1.2.5", "ms 2.1.3"], pnpm.Direct.Select(d => $"{d.Name} {d.Version}"));
        Assert.Equal(["debug 4.3.4", "minimist 1.2.5", "ms 2.1.2", "ms 2.1.3"], pnpm.Packages.Select(d => $"{d.Name} {d.Version}"));
    }

    [Fact]
    public void Pnpm_v6_and_v5_package_keys_carry_scopes_and_peer_suffixes()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-pnpm-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "v6.yaml"), """
                lockfileVersion: '6.0'
                dependencies:
                  '@types/node':
                    specifier: ^20.0.0
                    version: 20.1.0
                  react-dom:
                    specifier: ^18.2.0
                    version: 18.2.0(react@18.2.0)
                packages:
                  /@types/node@20.1.0:
                    dev: false
                  /react-dom@18.2.0(react@18.2.0):
                    dev: false
                """);
            File.WriteAllText(Path.Combine(dir, "v5.yaml"), """
                lockfileVersion: 5.4
                specifiers:
                  react-dom: ^18.2.0
                dependencies:
                  react-dom: 18.2.0_react@18.2.0
                packages:
                  /@babel/core/7.21.0:
                    dev: false
                  /react-dom/18.2.0_react@18.2.0:
                    dev: false
                """);

            var v6 = PnpmLock.Read(Path.Combine(dir, "v6.yaml"))!;
            var v5 = PnpmLock.Read(Path.Combine(dir, "v5.yaml"))!;

            Assert.Equal(["@types/node 20.1.0", "react-dom 18.2.0"], v6.Direct.Select(d => $"{d.Name} {d.Version}"));
            Assert.Equal(["@types/node 20.1.0", "react-dom 18.2.0"], v6.Packages.Select(d => $"{d.Name} {d.Version}"));
            Assert.Equal(["react-dom 18.2.0"], v5.Direct.Select(d => $"{d.Name} {d.Version}"));
            Assert.Equal(["@babel/core 7.21.0", "react-dom 18.2.0"], v5.Packages.Select(d => $"{d.Name} {d.Version}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Yarn_v1_lockfile_maps_each_specifier_to_its_version()
    {
        var yarn = YarnLock.Read(DoctorData.Path("node-yarn/yarn.lock"))!;

        Assert.False(yarn.IsBerry);
        Assert.Equal("2.1.3", yarn.VersionBySpecifier["ms@^2.1.3"]);
        Assert.Equal("2.1.2", yarn.VersionBySpecifier["ms@2.1.2"]);
        Assert.Equal(["debug 4.3.4", "minimist 1.2.5", "ms 2.1.2", "ms 2.1.3"], yarn.Packages.Select(p => $"{p.Name} {p.Version}"));
        Assert.Equal("@babel/core", YarnLock.NameOf("@babel/core@^7.0.0"));
    }

    [Fact]
    public void Requirements_pins_follow_includes_and_keep_markers_apart()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-req-").FullName;
        try
        {
            File.Copy(DoctorData.Path("python-app/requirements.txt"), Path.Combine(dir, "base.txt"));
            File.WriteAllText(Path.Combine(dir, "requirements.txt"), """
                -r base.txt
                --index-url https://example.invalid/simple
                gunicorn>=20          # a range pins nothing
                uvicorn[standard]==0.22.0 \
                    --hash=sha256:79277ae03db57ce7d9aa0567830bbb51d7a612f54d6e1e3e92da3ef24c2c8ed8
                -e ./local
                -r requirements.txt
                """);

            var pins = RequirementsFile.Read(Path.Combine(dir, "requirements.txt"));

            Assert.Equal(["Django==3.2.12", "requests==2.31.0", "sqlparse==0.4.2", "tomli==2.0.1;", "uvicorn==0.22.0"],
                pins.Select(p => $"{p.Name}=={p.Version}{(p.HasMarker ? ";" : "")}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Poetry_lock_packages_and_the_direct_dependencies_of_pyproject()
    {
        var poetry = PythonLocks.ReadPoetry(DoctorData.Path("python-poetry"))!;

        Assert.Equal(["backports-tarfile 1.2.0", "build 1.2.2", "cachecontrol 0.14.0", "certifi 2024.7.4", "cfgv 3.4.0"],
            poetry.Packages.Select(p => $"{p.Name} {p.Version}"));
        Assert.Equal(["certifi", "build"], poetry.Direct);
    }

    [Fact]
    public void Uv_lock_packages_and_the_unmarked_direct_dependencies()
    {
        var uv = PythonLocks.ReadUv(DoctorData.Path("python-uv"))!;

        Assert.Equal(["babel 2.18.0", "beautifulsoup4 4.14.3"], uv.Packages.Select(p => $"{p.Name} {p.Version}"));
        Assert.Equal(["babel"], uv.Direct);
    }

    [Fact]
    public void Uv_lock_root_package_names_the_direct_dependencies()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-uv-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "uv.lock"), """
                version = 1
                requires-python = ">=3.11"

                [[package]]
                name = "app"
                version = "0.1.0"
                source = { virtual = "." }
                dependencies = [
                    { name = "requests" },
                    { name = "tomli", marker = "python_full_version < '3.11'" },
                ]

                [package.metadata]
                requires-dist = [{ name = "requests", specifier = ">=2" }]

                [[package]]
                name = "requests"
                version = "2.30.0"
                source = { registry = "https://pypi.org/simple" }
                """);

            var uv = PythonLocks.ReadUv(dir)!;

            Assert.Equal(["requests 2.30.0"], uv.Packages.Select(p => $"{p.Name} {p.Version}"));
            Assert.Equal(["requests"], uv.Direct);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Locked_packages_of_a_directory_cover_every_lockfile_in_it()
    {
        var packages = LockedPackages.Read(DoctorData.Path("node-npm"));

        Assert.Equal(["npm debug 4.3.4", "npm ms 2.1.2", "npm minimist 1.2.5", "npm ms 2.1.3"],
            packages.Select(p => $"{p.Ecosystem} {p.Name} {p.Version}"));
        Assert.All(packages, p => Assert.Equal("package-lock.json", p.Lockfile));
    }
}
