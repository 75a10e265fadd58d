using Shop.Ordering;

namespace Shop.Catalog;

public sealed record Product(Sku Sku, string Name, Money Price);
