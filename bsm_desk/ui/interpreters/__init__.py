"""The interpreters' roster on screen: the grid of booths and seats, the pool, solving in
the background, the review of a proposal, and an interpreter's dialog."""
