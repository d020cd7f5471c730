// Baktainer build: Clean -> Build -> Test -> Pack -> Publish -> Image (and Bench).
// Run with: dotnet tool restore && dotnet cake --target=<Target>

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./Baktainer.slnx";
var artifacts = MakeAbsolute(Directory("./artifacts"));
var publishDir = artifacts.Combine("publish");
var packagesDir = artifacts.Combine("packages");
var pluginProjects = GetFiles("./plugins/*/*.csproj");
// The packs under samples/; their unit test projects (*.Tests) are run by tests/EndToEnd.Tests, not packed.
var sampleProjects = GetFiles("./samples/*/*.csproj").Where(p => !p.GetFilename().ToString().EndsWith(".Tests.csproj")).ToList();

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./src/**/bin/" + configuration);
    CleanDirectories("./src/**/obj");
    CleanDirectories("./plugins/**/obj");
    CleanDirectories("./tests/**/obj");
    CleanDirectories("./templates/obj");
    if (DirectoryExists(artifacts)) DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

// Test needs the packages: the third-party plugin tests restore Baktainer.Abstractions from artifacts/packages.
Task("Test")
    .IsDependentOn("Pack")
    .Does(() =>
{
    // One test project at a time: the Docker test projects start labelled containers, and a daemon
    // under test (or the image's) backs up every labelled container it sees, so they must not overlap.
    var failed = new List<string>();
    var started = DateTime.UtcNow;
    foreach (var project in GetFiles("./tests/*/*.Tests.csproj"))
    {
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                Loggers = { "console;verbosity=normal", "trx;LogFilePrefix=" + project.GetFilenameWithoutExtension() },
                ResultsDirectory = artifacts.Combine("test-results"),
            });
        }
        catch (Exception e)
        {
            Error("{0}: {1}", project.GetFilenameWithoutExtension(), e.Message);
            failed.Add(project.GetFilenameWithoutExtension().ToString());
        }
    }
    if (failed.Count == 0) return;
    FailedTestsSummary(started);
    throw new Exception("tests failed in: " + string.Join(", ", failed));
});

// The failed tests of this run with the start of their messages, printed last: a long test log's tail then names them.
void FailedTestsSummary(DateTime since)
{
    System.Xml.Linq.XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    foreach (var trx in GetFiles(artifacts + "/test-results/*.trx").Where(f => System.IO.File.GetLastWriteTimeUtc(f.FullPath) >= since))
    {
        var results = System.Xml.Linq.XDocument.Load(trx.FullPath).Descendants(ns + "UnitTestResult").Where(r => (string)r.Attribute("outcome") == "Failed");
        foreach (var result in results)
        {
            var message = ((string)result.Descendants(ns + "Message").FirstOrDefault() ?? "(no message)").Trim();
            var lines = message.Split('\n');
            Error("FAILED {0} ({1}): {2}", result.Attribute("testName")?.Value, trx.GetFilename(),
                string.Join("\n    ", lines.Take(6)) + (lines.Length > 6 ? "\n    ..." : ""));
        }
    }
}

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    var settings = new DotNetPackSettings { Configuration = configuration, OutputDirectory = packagesDir };
    DotNetPack("./src/Baktainer.Abstractions/Baktainer.Abstractions.csproj", settings);
    foreach (var project in pluginProjects) DotNetPack(project.FullPath, settings);
    DotNetPack("./templates/Baktainer.Templates.csproj", settings);
    Information("Plugin and template packages in {0}", packagesDir);
});

Task("Publish")
    .Does(() =>
{
    if (DirectoryExists(publishDir)) DeleteDirectory(publishDir, new DeleteDirectorySettings { Recursive = true, Force = true });
    DotNetPublish("./src/Baktainer.Host/Baktainer.Host.csproj", ReadyToRun("host", publishDir));
    foreach (var project in pluginProjects)
    {
        var id = project.GetFilenameWithoutExtension().ToString();
        DotNetPublish(project.FullPath, ReadyToRun(id, publishDir.Combine("plugins").Combine(id)));
    }
    // The packs under samples/ (e.g. the Redis engine) are built as a third party builds them,
    // against the Abstractions package, and installed with the published host itself.
    DotNetPack("./src/Baktainer.Abstractions/Baktainer.Abstractions.csproj", new DotNetPackSettings { Configuration = configuration, OutputDirectory = packagesDir });
    var samplePackages = artifacts.Combine("sample-packages");
    var nugetFolder = artifacts.Combine("sample-nuget");
    foreach (var folder in new[] { samplePackages, nugetFolder })
        if (DirectoryExists(folder)) DeleteDirectory(folder, new DeleteDirectorySettings { Recursive = true, Force = true });
    foreach (var project in sampleProjects)
    {
        DotNetPack(project.FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            OutputDirectory = samplePackages,
            EnvironmentVariables = { ["NUGET_PACKAGES"] = nugetFolder.FullPath },
        });
    }
    foreach (var package in GetFiles(samplePackages + "/*.nupkg"))
    {
        var exit = StartProcess(publishDir.CombineWithFilePath("baktainer"), new ProcessSettings
        {
            Arguments = $"--quiet plugins install \"{package}\"",
            EnvironmentVariables = new Dictionary<string, string> { ["BT_PLUGIN_DIR"] = publishDir.Combine("plugins").FullPath },
        });
        if (exit != 0) throw new Exception($"installing {package} into the publish output failed (exit code {exit})");
    }
    Information("Ready to run: {0}/baktainer (plugins in {0}/plugins)", publishDir);
});

// Published code is precompiled (ReadyToRun for this machine's platform, still on the shared framework): less JIT at
// every start, which is most of a short backup's fixed cost (the host's tiering settings for it: Baktainer.Host.csproj). Each project builds into its own folder
// under artifacts/obj/publish, so the builds the tests run (artifacts/bin) are left as they are.
DotNetPublishSettings ReadyToRun(string name, DirectoryPath output) => new DotNetPublishSettings
{
    Configuration = configuration,
    OutputDirectory = output,
    Runtime = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, // the machine's, e.g. linux-x64 or linux-arm64
    SelfContained = false,
    PublishReadyToRun = true,
    MSBuildSettings = new DotNetMSBuildSettings()
        .WithProperty("OutDir", artifacts.Combine("obj/publish").Combine(name).FullPath + "/"),
};

// The container image, built into the local Docker engine without a registry from the publish
// output (deploy/image/build-local.sh; deploy/Dockerfile builds the same image from the official
// .NET images). --image=<name:tag> names it (default baktainer:latest).
Task("Image")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var image = Argument("image", "baktainer:latest");
    var exit = StartProcess("bash", new ProcessSettings { Arguments = $"deploy/image/build-local.sh \"{publishDir}\" \"{image}\"" });
    if (exit != 0) throw new Exception($"image build failed (exit code {exit})");
});

Task("Bench")
    .IsDependentOn("Publish")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = "tests/Bench/bench.sh" });
    if (exit != 0) throw new Exception($"benchmark failed (exit code {exit})");
});

RunTarget(target);
