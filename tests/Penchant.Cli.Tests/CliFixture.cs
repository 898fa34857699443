using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Cli;
using Penchant.Cli.Infrastructure;
using Penchant.Embeddings;

[assembly: AssemblyFixture(typeof(CliFixture))]

namespace Penchant.Cli;

/// <summary>
/// Shared by every CLI test: one MiniLM embedding generator (the model loads once, and its cache carries over), handed to
/// each invocation's engine through <see cref="CliEnvironment.ConfigureEngine"/>, and one temporary folder.
/// </summary>
public sealed class CliFixture : IDisposable
{
    private readonly MiniLmEmbeddingGenerator _embeddings = new();

    public CliFixture()
    {
        Directory.CreateDirectory(TempDirectory);
    }

    /// <summary>Gets a folder deleted when the test run ends.</summary>
    public string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "penchant-cli-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Returns a new database path in the temporary folder (the file does not exist yet).</summary>
    public string NewDatabase() => Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + ".db");

    /// <summary>Writes a file in the temporary folder and returns its path.</summary>
    public string WriteFile(string name, string contents)
    {
        string path = Path.Combine(TempDirectory, Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>Runs <c>penchant</c> in process with captured output.</summary>
    public async Task<CliResult> RunAsync(string[] args, string? input = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input ?? string.Empty);
        var environment = new CliEnvironment(output, error, reader, ErrorIsTerminal: false)
        {
            ConfigureEngine = services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_embeddings),
        };
        int exitCode = await PenchantCommandLine.InvokeAsync(args, environment, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _embeddings.Dispose();
        try
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What a <c>penchant</c> invocation returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Gets the non-empty lines of standard output.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
