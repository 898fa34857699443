using Microsoft.ML.OnnxRuntime;

namespace Penchant.Embeddings;

/// <summary>An ONNX Runtime session with what it owns: its options and, for a kept model, the bytes its weights lie in.</summary>
internal sealed class ModelSession : IDisposable
{
    // Referenced for as long as the session runs: a session over a kept model points into these (pinned) bytes.
    private readonly byte[]? _bytes;

    private ModelSession(InferenceSession session, SessionOptions options, byte[]? bytes)
    {
        Session = session;
        Options = options;
        _bytes = bytes;
    }

    /// <summary>Gets the session.</summary>
    public InferenceSession Session { get; }

    /// <summary>Gets the session's options.</summary>
    public SessionOptions Options { get; }

    /// <summary>Opens a session over a model's bytes; the options are owned by the result (and disposed if it fails).</summary>
    /// <param name="model">The model's bytes.</param>
    /// <param name="options">The session options.</param>
    /// <param name="keep">Whether the session points into <paramref name="model"/> (which must then be pinned) for its lifetime.</param>
    /// <returns>The session.</returns>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime refuses the model.</exception>
    public static ModelSession Create(byte[] model, SessionOptions options, bool keep)
    {
        try
        {
            return new ModelSession(new InferenceSession(model, options), options, keep ? model : null);
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Session.Dispose();
        Options.Dispose();
        GC.KeepAlive(_bytes);
    }
}
