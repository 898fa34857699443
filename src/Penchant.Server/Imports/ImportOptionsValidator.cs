using Microsoft.Extensions.Options;

namespace Penchant.Server.Imports;

/// <summary>Validates <see cref="ImportOptions"/> at start-up (source-generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class ImportOptionsValidator : IValidateOptions<ImportOptions>;
