using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("BiO.Market.Tests")]
