t_call = {1: 'objects, I, T, F, T', 2: 'argmax, t1, size', 3: 'shift, t2, (-1, 2)', 4: 'identity(S)', 5: 'a_mr(t4)', 6: 'mapply, p_g, t5.t', 7: 't6, ', 8: 'paint, I, t3'}
