-- The withdrawal readiness check reads a member's open orders on each side by state; these
-- indexes keep it to the member's open orders however many finished ones they have.
CREATE INDEX orders_buyer_state ON orders (buyer_id, state);
CREATE INDEX orders_seller_state ON orders (seller_id, state);
