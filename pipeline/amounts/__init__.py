"""The parts of the amounts component (`pipeline.components.amounts`), one module per concern:
the shared number scan (`scan`), what every step reads around a number (`reading`), the named
rejection rules (`predicates`), and the steps that propose MONEY (`money`), PERCENT (`percent`,
`fractions`), QUANTITY (`counts`, `factors`, and `carried` for a count whose noun is written before
it) and the other end of a range (`ranges`)."""
