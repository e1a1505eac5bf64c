# operator
