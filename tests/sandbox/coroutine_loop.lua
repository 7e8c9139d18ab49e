-- Escape attempt: loop forever inside a coroutine, where the caller's
-- count hook might not reach.
return {
  score = function(a, b)
    local co = coroutine.create(function() while true do end end)
    local ok, err = coroutine.resume(co)
    return 0
  end,
}
