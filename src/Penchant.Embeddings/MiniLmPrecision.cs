namespace Penchant.Embeddings;

/// <summary>How the MiniLM model's weights are stored and multiplied.</summary>
public enum MiniLmPrecision
{
    /// <summary>The model as published: 32-bit floating-point weights.</summary>
    Float32,

    /// <summary>
    /// The weights of the model's 36 matrix products in 8-bit integers, one scale per output column, with each product's
    /// input quantized as it runs (dynamic quantization). About three times less CPU per text; embeddings within a cosine
    /// of about 0.99 of <see cref="Float32"/>.
    /// </summary>
    Int8,
}
