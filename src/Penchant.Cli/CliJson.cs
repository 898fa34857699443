using System.Text.Encodings.Web;
using System.Text.Json;
using Penchant.Cli.Contracts;

namespace Penchant.Cli;

/// <summary>
/// The JSON contexts the CLI writes with, with relaxed escaping so that files and terminals show
/// <c>I'm</c> rather than <c>I\u0027m</c> (the output is never embedded in HTML).
/// </summary>
internal static class CliJson
{
    /// <summary>Gets the wire contract and event log context.</summary>
    public static ContractJsonContext Contract { get; } = new(Relaxed(ContractJsonContext.Default.Options));

    /// <summary>Gets the CLI's own context (evaluation inputs and reports).</summary>
    public static CliJsonContext Reports { get; } = new(Relaxed(CliJsonContext.Default.Options));

    private static JsonSerializerOptions Relaxed(JsonSerializerOptions options) =>
        new(options) { TypeInfoResolver = null, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
